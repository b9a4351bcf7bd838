using System.Text;

namespace Certifications.Storage.Common;

/// <summary>Table keys made of text people and outside systems send (e-mails, group names, webhook and LMS ids): any text, kept within the key rules.</summary>
public static class RowKeys
{
    /// <summary>Longest outside text a key is made of: its encoding stays far below the 1 KiB key limit.</summary>
    public const int MaxSourceLength = 256;

    /// <summary>
    /// The text as a key: base64 of its UTF-8 with '/' as '_', since keys may hold no '/', '\', '#', '?' or control
    /// characters and outside ids may.
    /// </summary>
    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).Replace('/', '_');

    /// <summary>The first key after every key that starts with <paramref name="prefix"/>, whose last character is '|' ('|' + 1 is '}').</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + "}";
}
