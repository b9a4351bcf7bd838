namespace Certifications.Domain.Common;

/// <summary>Files sent inside JSON as base64 data URLs (a logo, a font): decoded with their size checked before and after.</summary>
public static class DataUrls
{
    /// <summary>The file's bytes, or null with the field's error (not a data URL, over <paramref name="maxBytes"/>, not base64).</summary>
    public static byte[]? Decode(FieldErrors errors, string field, string dataUrl, int maxBytes, string maxText, string example, string current)
    {
        const string marker = ";base64,";
        var comma = dataUrl.IndexOf(marker, StringComparison.Ordinal);
        if (!dataUrl.StartsWith("data:", StringComparison.Ordinal) || comma < 0)
        {
            errors.Add(field, $"must be a data URL ({example}) or the current {current}'s reference.");
            return null;
        }

        // Refused by its length before anything is decoded.
        var payload = dataUrl.AsSpan(comma + marker.Length);
        if (payload.Length > (maxBytes + 2) / 3 * 4 + 4)
        {
            errors.Add(field, $"must be at most {maxText}.");
            return null;
        }

        var bytes = new byte[payload.Length];
        if (!Convert.TryFromBase64Chars(payload, bytes, out var length))
        {
            errors.Add(field, "is not valid base64.");
            return null;
        }

        if (length > maxBytes)
        {
            errors.Add(field, $"must be at most {maxText}.");
            return null;
        }

        return bytes[..length];
    }
}
