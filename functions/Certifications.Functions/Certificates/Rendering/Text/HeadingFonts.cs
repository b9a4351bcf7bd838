using Certifications.Domain.Catalog;
using Certifications.Domain.Common;

namespace Certifications.Functions.Certificates.Rendering.Text;

/// <summary>An organization's own heading font, checked once when it is uploaded: it must load, have glyphs, and allow embedding.</summary>
public static class HeadingFonts
{
    public static Result<FontFile> Check(FontFile upload, string field)
    {
        try
        {
            using var font = FontFace.Load("heading", upload.Bytes);
            if (font.GlyphCount < 2 || font.UnitsPerEm is < 16 or > 16384)
            {
                return Error.Invalid(field, "could not be read as a font: it has no glyphs.");
            }

            return font.AllowsEmbedding
                ? upload
                : Error.Invalid(field, "is licensed for display only: its licence (OS/2 fsType: restricted) does not allow embedding it in a PDF.");
        }
        catch (InvalidOperationException)
        {
            return Error.Invalid(field, "could not be read as a font.");
        }
    }
}
