using System.Runtime.InteropServices;
using HarfBuzzSharp;
using SkiaSharp;
using HbBlob = HarfBuzzSharp.Blob;
using HbFace = HarfBuzzSharp.Face;
using HbFont = HarfBuzzSharp.Font;

namespace Certifications.Functions.Certificates.Rendering.Text;

/// <summary>
/// One bundled font, loaded once per process: the typeface Skia draws and embeds, and the HarfBuzz font that shapes
/// text in it. Neither is changed after loading, so both are shared by every render on every thread.
/// </summary>
public sealed class FontFace : IDisposable
{
    private readonly HbBlob blob;

    private FontFace(string name, SKTypeface typeface, HbBlob blob, HbFace face, HbFont shaper, int unitsPerEm)
    {
        this.blob = blob;
        Name = name;
        Typeface = typeface;
        Face = face;
        Shaper = shaper;
        UnitsPerEm = unitsPerEm;
    }

    public string Name { get; }

    public SKTypeface Typeface { get; }

    /// <summary>The font's tables as HarfBuzz reads them: what a subset of it is cut from.</summary>
    public HbFace Face { get; }

    /// <summary>Scaled to its units per em: shaped advances are in font units, and a size is one multiplication away.</summary>
    public HbFont Shaper { get; }

    public int UnitsPerEm { get; }

    public static FontFace Load(string name, byte[] bytes)
    {
        var typeface = SKTypeface.FromData(SKData.CreateCopy(bytes))
            ?? throw new InvalidOperationException($"The font {name} cannot be read.");
        // HarfBuzz reads the font in place for the life of the process: the bytes live on the pinned object heap, so the
        // garbage collector never moves them, and nothing frees them.
        var pinned = GC.AllocateArray<byte>(bytes.Length, pinned: true);
        bytes.CopyTo(pinned, 0);
        var blob = new HbBlob(Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0), pinned.Length, MemoryMode.ReadOnly, () => GC.KeepAlive(pinned));
        var face = new HbFace(blob, 0);
        var shaper = new HbFont(face);
        shaper.SetScale(face.UnitsPerEm, face.UnitsPerEm);
        return new FontFace(name, typeface, blob, face, shaper, face.UnitsPerEm);
    }

    /// <summary>
    /// Whether the font's licence lets it be embedded in a PDF: its OS/2 table's fsType is not "restricted licence" (bit 1) unless
    /// it also allows preview-and-print or editable embedding (bits 2, 3). A font without an OS/2 table says nothing against it.
    /// </summary>
    public bool AllowsEmbedding
    {
        get
        {
            using var os2 = Face.ReferenceTable(Tag.Parse("OS/2"));
            var table = os2.AsSpan();
            if (table.Length < 10)
            {
                return true;
            }

            var fsType = (table[8] << 8) | table[9];
            return (fsType & 0x000F) != 0x0002;
        }
    }

    public int GlyphCount => Face.GlyphCount;

    public bool Has(int codepoint) => Shaper.TryGetGlyph((uint)codepoint, out _);

    /// <summary>Frees a font loaded for one render (an organization's own); the bundled ones live as long as the process.</summary>
    public void Dispose()
    {
        Shaper.Dispose();
        Face.Dispose();
        blob.Dispose();
        Typeface.Dispose();
    }

    /// <summary>A typeface (this face's, or a subset of it) at a size, placed as shaped: no hinting moves a glyph.</summary>
    public static SKFont At(SKTypeface typeface, double size) => new(typeface, (float)size) { Subpixel = true, LinearMetrics = true };
}
