using System.Globalization;
using System.IO.Compression;
using System.Text;
using Certifications.Functions.Certificates.Rendering.Text;

namespace Certifications.Functions.Tests.Certificates;

/// <summary>The bidirectional algorithm the renderer uses, against every case of Unicode's own BidiCharacterTest.txt.</summary>
public sealed class BidiTextTests
{
    /// <summary>
    /// The cases ICU 72 resolves unlike the standard: a combining mark after a bracket pair that rule N0 turned (lines 83 to 113),
    /// and brackets nested past ICU's limit (line 120). Listed so that a new failure, or one of these starting to pass with a
    /// newer ICU, fails the test.
    /// </summary>
    private static readonly int[] IcuDeviations = [83, 84, 85, 86, 87, 88, 102, 108, 113, 120];

    [Fact]
    public void Every_case_of_the_unicode_bidi_character_test_gets_its_levels_and_visual_order()
    {
        // Cases with embedding or override controls are left out: the renderer removes those controls (WithoutEmbeddingControls).
        var failures = new List<(int Number, string What)>();
        var cases = 0;
        foreach (var (line, number) in Lines().Where(l => !l.Line.Split(';')[0].Split(' ').Any(c => c is "202A" or "202B" or "202C" or "202D" or "202E")))
        {
            var fields = line.Split(';');
            var codepoints = fields[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(h => int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
            var direction = fields[1] switch { "0" => TextDirection.LeftToRight, "1" => TextDirection.RightToLeft, _ => TextDirection.Auto };
            var expectedParagraph = byte.Parse(fields[2], CultureInfo.InvariantCulture);
            var expectedLevels = fields[3].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var expectedOrder = fields[4].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(o => int.Parse(o, CultureInfo.InvariantCulture)).ToArray();
            cases++;

            var text = new StringBuilder();
            var unitOf = new int[codepoints.Length];
            for (var i = 0; i < codepoints.Length; i++)
            {
                unitOf[i] = text.Length;
                text.Append(char.ConvertFromUtf32(codepoints[i]));
            }

            var levels = BidiText.Levels(text.ToString(), direction, out var paragraph);
            var kept = Enumerable.Range(0, codepoints.Length).Where(i => expectedLevels[i] != "x").ToArray();
            var actualLevels = kept.Select(i => levels[unitOf[i]]).ToArray();
            var order = BidiText.VisualOrder(actualLevels).Select(k => kept[k]).ToArray();
            if (paragraph != expectedParagraph
                || !kept.Select(i => byte.Parse(expectedLevels[i], CultureInfo.InvariantCulture)).SequenceEqual(actualLevels)
                || !order.SequenceEqual(expectedOrder))
            {
                var got = $"paragraph {paragraph}, levels {string.Join(' ', actualLevels)}, order {string.Join(' ', order)}";
                failures.Add((number, $"line {number}: {line} → {got}"));
            }
        }

        Assert.Equal(91_626, cases);
        var unexpected = failures.Where(f => !IcuDeviations.Contains(f.Number)).Select(f => f.What).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} of {cases} cases fail, the first: " + string.Join("\n", unexpected.Take(5)));
        Assert.Equal(IcuDeviations, failures.Select(f => f.Number));
    }

    [Fact]
    public void An_override_cannot_disguise_a_name_it_is_drawn_as_typed()
    {
        var paragraph = ShapedParagraph.Shape("Alice\u202Enimda", TextStyle.SerifBold, TextDirection.LeftToRight, "en");

        Assert.Equal("Alicenimda", paragraph.Text);
        Assert.All(paragraph.Runs, r => Assert.False(r.RightToLeft));
    }

    [Fact]
    public void An_arabic_name_with_a_latin_title_and_a_number_reads_right_in_a_right_to_left_paragraph()
    {
        const string text = "شهادة SAFe® 2026";

        var levels = BidiText.Levels(text, TextDirection.RightToLeft, out var paragraph);

        Assert.Equal(1, paragraph);
        Assert.All(levels[..5], l => Assert.Equal(1, l));
        Assert.All(levels[6..11], l => Assert.Equal(2, l));
        Assert.All(levels[12..], l => Assert.Equal(2, l));
    }

    private static IEnumerable<(string Line, int Number)> Lines()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Certificates", "Unicode", "BidiCharacterTest.txt.gz"));
        using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress), Encoding.UTF8);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length > 0 && line[0] != '#')
            {
                yield return (line, number);
            }
        }
    }
}
