using System.Runtime.InteropServices;

namespace Certifications.Functions.Certificates.Rendering.Text;

/// <summary>
/// HarfBuzz's font subsetter (hb-subset), which the HarfBuzzSharp native library ships but its .NET API does not wrap:
/// a font cut down to the glyphs and characters one certificate uses, glyph ids kept, so shaped text draws unchanged.
/// </summary>
internal static partial class HarfBuzzSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    // hb_subset_flags_t: hinting is dropped (PDF viewers and Skia's rasteriser do not use it); glyph ids are retained.
    private const uint NoHinting = 0x1;
    private const uint RetainGids = 0x2;

    /// <summary>The subset font's file, or null when HarfBuzz refuses to cut it.</summary>
    public static byte[]? Subset(HarfBuzzSharp.Face face, IEnumerable<ushort> glyphs, IEnumerable<int> codepoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            var glyphSet = hb_subset_input_glyph_set(input);
            foreach (var glyph in glyphs)
            {
                hb_set_add(glyphSet, glyph);
            }

            var unicodeSet = hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints)
            {
                hb_set_add(unicodeSet, (uint)codepoint);
            }

            hb_subset_input_set_flags(input, NoHinting | RetainGids);
            var subset = hb_subset_or_fail(face.Handle, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            var blob = hb_face_reference_blob(subset);
            try
            {
                var data = hb_blob_get_data(blob, out var length);
                var bytes = new byte[length];
                Marshal.Copy(data, bytes, 0, (int)length);
                return bytes;
            }
            finally
            {
                hb_blob_destroy(blob);
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    private static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_glyph_set(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_unicode_set(IntPtr input);

    [LibraryImport(Library)]
    private static partial void hb_subset_input_set_flags(IntPtr input, uint flags);

    [LibraryImport(Library)]
    private static partial void hb_set_add(IntPtr set, uint codepoint);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    private static partial void hb_blob_destroy(IntPtr blob);

    [LibraryImport(Library)]
    private static partial void hb_face_destroy(IntPtr face);
}
