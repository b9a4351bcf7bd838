using Microsoft.Net.Http.Headers;

namespace Certifications.Storage.Common;

/// <summary>
/// The Content-Disposition of every download (responses and blob links): an ASCII fallback name and the UTF-8
/// <c>filename*</c> of RFC 6266, so titles in any script reach the browser intact and never fold a header.
/// </summary>
public static class ContentDispositions
{
    public static string Inline(string fileName) => For("inline", fileName);

    public static string Attachment(string fileName) => For("attachment", fileName);

    private static string For(string type, string fileName)
    {
        var value = new ContentDispositionHeaderValue(type);
        // Control characters have no place in a header (old records may still hold some in a title).
        value.SetHttpFileName(new string([.. fileName.Where(c => !char.IsControl(c))]));
        return value.ToString();
    }
}
