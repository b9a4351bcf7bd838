using SkiaSharp;

namespace Certifications.Functions.Certificates.Rendering.Text;

/// <summary>
/// The typefaces one certificate is drawn with: each face it uses cut down to the glyphs on the page (and the characters they
/// stand for, so the PDF maps them back to text). Skia embeds fonts whole; drawn with these, a Latin certificate carries a few
/// kilobytes of DejaVu, not 750 KB of it, nor any Arabic.
/// </summary>
public sealed class FontSubsets : IDisposable
{
    private readonly Dictionary<FontFace, SKTypeface> typefaces;

    private FontSubsets(Dictionary<FontFace, SKTypeface> typefaces) => this.typefaces = typefaces;

    /// <summary>Subsets of every face the lines use.</summary>
    public static FontSubsets Of(IEnumerable<TextLine> lines)
    {
        var used = new Dictionary<FontFace, (HashSet<ushort> Glyphs, HashSet<int> Codepoints)>();
        foreach (var line in lines)
        {
            foreach (var (run, from, to, glyphs) in line.Pieces())
            {
                if (!used.TryGetValue(run.Face, out var set))
                {
                    used[run.Face] = set = ([], []);
                }

                set.Glyphs.UnionWith(glyphs.Select(g => g.Id));
                foreach (var rune in line.Paragraph.Text[from..to].EnumerateRunes())
                {
                    set.Codepoints.Add(rune.Value);
                }
            }
        }

        var typefaces = new Dictionary<FontFace, SKTypeface>();
        foreach (var (face, (glyphs, codepoints)) in used)
        {
            var subset = HarfBuzzSubsetter.Subset(face.Face, glyphs, codepoints);
            typefaces[face] = subset is not null && SKTypeface.FromData(SKData.CreateCopy(subset)) is { } cut ? cut : face.Typeface;
        }

        return new FontSubsets(typefaces);
    }

    /// <summary>The face's subset; the whole face for one no line used.</summary>
    public SKTypeface this[FontFace face] => typefaces.GetValueOrDefault(face, face.Typeface);

    public void Dispose()
    {
        foreach (var (face, typeface) in typefaces)
        {
            if (typeface != face.Typeface)
            {
                typeface.Dispose();
            }
        }
    }
}
