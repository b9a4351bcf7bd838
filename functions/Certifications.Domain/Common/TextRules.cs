using System.Buffers;

namespace Certifications.Domain.Common;

/// <summary>The characters no text field stores: they break headers, CSV cells, calendar lines and e-mail subjects.</summary>
public static class TextRules
{
    /// <summary>C0 controls, DEL and C1 controls.</summary>
    public static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)]);

    /// <summary>The same without tab, line feed and carriage return, for text of several lines.</summary>
    public static readonly SearchValues<char> ControlsOutsideLines = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r'))]);

    /// <summary>Whether the text is one line with no control character.</summary>
    public static bool IsSingleLine(string text) => text.AsSpan().IndexOfAny(Controls) < 0;

    /// <summary>The text with each control character made a space: for writers of headers and lines (records kept from before the rule).</summary>
    public static string OneLine(string text) =>
        IsSingleLine(text) ? text : string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Controls.Contains(source[i]) ? ' ' : source[i];
            }
        });
}
