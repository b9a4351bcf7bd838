using Icu;

namespace Certifications.Functions.Certificates.Rendering.Text;

/// <summary>The direction a paragraph is read in; <see cref="Auto"/> takes it from its first strong character.</summary>
public enum TextDirection
{
    LeftToRight,
    RightToLeft,
    Auto,
}

/// <summary>
/// The Unicode Bidirectional Algorithm (UAX #9) as ICU implements it (libicu, which .NET on Linux already loads):
/// the embedding level of every character of a paragraph, and the visual order of runs from their levels (rule L2).
/// Tested against Unicode's own BidiCharacterTest.txt.
/// </summary>
public static class BidiText
{
    private const byte DefaultLeftToRight = 0xFE;

    private static readonly Lazy<bool> Loaded = new(() =>
    {
        Wrapper.Init();
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The text without the embedding and override controls (LRE, RLE, LRO, RLO, PDF; U+202A to U+202E). On a certificate
    /// they only serve to disguise a name (an override turns "Alice" + RLO + "nimda" into what looks like "Aliceadmin"); Unicode
    /// recommends the isolates in their place, which stay. ICU also resolves 31 of the 81 cases of BidiCharacterTest.txt
    /// that nest them unlike the standard, so the renderer never hands them to it.
    /// </summary>
    public static string WithoutEmbeddingControls(string text) =>
        text.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') < 0
            ? text
            : string.Concat(text.Where(c => c is < '\u202A' or > '\u202E'));

    /// <summary>The level of each UTF-16 unit of one paragraph (no paragraph separators inside), rule L1 applied to it as one line.</summary>
    public static byte[] Levels(string paragraph, TextDirection direction, out byte paragraphLevel)
    {
        _ = Loaded.Value;
        if (paragraph.Length == 0)
        {
            paragraphLevel = direction == TextDirection.RightToLeft ? (byte)1 : (byte)0;
            return [];
        }

        using var bidi = new BiDi();
        bidi.SetPara(paragraph, direction switch
        {
            TextDirection.LeftToRight => 0,
            TextDirection.RightToLeft => 1,
            _ => DefaultLeftToRight,
        }, null);
        paragraphLevel = bidi.GetParaLevel();
        return [.. bidi.GetLevels()];
    }

    /// <summary>
    /// Rule L2: the order in which items of the given levels are shown, left to right. From the highest level down to the
    /// lowest odd one, every run of items at that level or higher is reversed.
    /// </summary>
    public static int[] VisualOrder(IReadOnlyList<byte> levels)
    {
        var order = Enumerable.Range(0, levels.Count).ToArray();
        if (levels.Count == 0)
        {
            return order;
        }

        var highest = levels.Max();
        var lowestOdd = levels.Min() | 1;
        for (var level = highest; level >= lowestOdd; level--)
        {
            for (var i = 0; i < order.Length;)
            {
                if (levels[order[i]] < level)
                {
                    i++;
                    continue;
                }

                var end = i;
                while (end < order.Length && levels[order[end]] >= level)
                {
                    end++;
                }

                Array.Reverse(order, i, end - i);
                i = end;
            }
        }

        return order;
    }
}
