using System.Text;

namespace Certifications.Storage.Common;

/// <summary>Table keys made of what outsiders send (webhook ids, LMS user ids): any text, kept within the key rules.</summary>
public static class RowKeys
{
    /// <summary>Longest outside text a key is made of: its encoding stays far below the 1 KiB key limit.</summary>
    public const int MaxSourceLength = 256;

    /// <summary>
    /// The text as a key: base64 of its UTF-8 with '/' as '_', since keys may hold no '/', '\', '#', '?' or control
    /// characters and outside ids may.
    /// </summary>
    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).Replace('/', '_');
}
