using System.Buffers;

namespace Certifications.Domain.Common;

/// <summary>The characters no text field stores: they break headers, CSV cells, calendar lines and e-mail subjects.</summary>
public static class TextRules
{
    /// <summary>
    /// C0 controls, DEL, C1 controls, and the invisible characters that change how text around them is shown: bidi
    /// embeddings, overrides and isolates ("report\u202Efdp.exe" shows as "reportexe.pdf"), zero-width space, word
    /// joiner, invisible operators and the byte-order mark. Joiners (ZWJ, ZWNJ) and the plain direction marks (LRM, RLM,
    /// ALM) stay: Persian, Indic scripts and emoji need them, and they reorder nothing.
    /// </summary>
    public static readonly SearchValues<char> Controls = SearchValues.Create([.. ControlCharacters()]);

    /// <summary>The same without tab, line feed and carriage return, for text of several lines.</summary>
    public static readonly SearchValues<char> ControlsOutsideLines = SearchValues.Create(
        [.. ControlCharacters().Where(c => c is not ('\t' or '\n' or '\r'))]);

    /// <summary>At most <paramref name="length"/> characters of the text, for a message that quotes what was sent.</summary>
    public static string Excerpt(string text, int length = 80) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");

    private static IEnumerable<char> ControlCharacters() =>
        Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21))
            .Concat([0x200B, 0xFEFF])
            .Concat(Enumerable.Range(0x202A, 5))
            .Concat(Enumerable.Range(0x2060, 5))
            .Concat(Enumerable.Range(0x2066, 10))
            .Concat(Enumerable.Range(0xFFF9, 3))
            .Select(c => (char)c);

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
