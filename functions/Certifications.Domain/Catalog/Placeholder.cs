namespace Certifications.Domain.Catalog;

/// <summary>One <c>{{ name }}</c> in a design's text: where it stands and the name inside, trimmed.</summary>
public readonly record struct Placeholder(int Index, int Length, string Name)
{
    /// <summary>
    /// The placeholders of <paramref name="text"/> in order, found in one pass: a name runs from <c>{{</c> to the first
    /// <c>}</c>, which must be doubled. A backtracking regex took minutes on <c>{{</c> followed by thousands of spaces.
    /// </summary>
    public static IEnumerable<Placeholder> In(string text)
    {
        var from = 0;
        while (from < text.Length)
        {
            var open = text.IndexOf("{{", from, StringComparison.Ordinal);
            if (open < 0)
            {
                yield break;
            }

            var close = text.IndexOf('}', open + 2);
            if (close < 0)
            {
                yield break;
            }

            // Every "{{" before this '}' meets the same '}' first, so none of them can start a placeholder either.
            if (close + 1 < text.Length && text[close + 1] == '}')
            {
                yield return new Placeholder(open, close + 2 - open, text[(open + 2)..close].Trim());
                from = close + 2;
            }
            else
            {
                from = close + 1;
            }
        }
    }

    /// <summary>The text with each placeholder replaced by its value; one whose value is null is left as written.</summary>
    public static string Fill(string text, Func<string, string?> value)
    {
        var filled = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        foreach (var placeholder in In(text))
        {
            if (value(placeholder.Name) is { } replacement)
            {
                filled.Append(text, copied, placeholder.Index - copied).Append(replacement);
                copied = placeholder.Index + placeholder.Length;
            }
        }

        return filled.Append(text, copied, text.Length - copied).ToString();
    }
}
