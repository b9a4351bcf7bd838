using Certifications.Domain.Common;

namespace Certifications.Domain.Catalog;

/// <summary>An uploaded heading font, checked by its first bytes: a TrueType or OpenType (CFF) file, not a collection or web font.</summary>
public sealed record FontFile(byte[] Bytes)
{
    /// <summary>TrueType fonts start with version 1.0 or "true"; OpenType fonts with CFF outlines with "OTTO".</summary>
    public string Extension => Bytes is [(byte)'O', (byte)'T', (byte)'T', (byte)'O', ..] ? "otf" : "ttf";

    internal static FontFile? FromDataUrl(FieldErrors errors, string field, string dataUrl)
    {
        var bytes = DataUrls.Decode(errors, field, dataUrl, CertificateDesignInput.MaxFontBytes, "2 MB", "data:font/ttf;base64,...", "font");
        if (bytes is null)
        {
            return null;
        }

        if (bytes is not ([0x00, 0x01, 0x00, 0x00, ..] or [(byte)'t', (byte)'r', (byte)'u', (byte)'e', ..] or [(byte)'O', (byte)'T', (byte)'T', (byte)'O', ..]))
        {
            errors.Add(field, "must be a TrueType or OpenType font file (.ttf or .otf).");
            return null;
        }

        return new FontFile(bytes);
    }
}
