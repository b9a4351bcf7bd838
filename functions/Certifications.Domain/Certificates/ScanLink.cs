using Certifications.Domain.Common;

namespace Certifications.Domain.Certificates;

/// <summary>
/// The address a certificate's QR code holds: its verification page by a short route, in capitals where that is safe.
/// A QR code stores digits, capitals and <c> $%*+-./:</c> at 5.5 bits a character instead of 8, so an all-capital
/// address makes a code of fewer, larger modules: quicker to scan from paper or a screen across a room, and cheaper
/// to draw. Scheme and host are case-insensitive and so are our routes and ids (lowercase Crockford base32).
/// </summary>
public static class ScanLink
{
    /// <summary>The route under the API prefix that answers a scanned code: <c>/api/v/{code}</c>.</summary>
    public const string Route = "v";

    private const string QrAlphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    public static string For(string publicBaseUrl, string certificateId)
    {
        var root = publicBaseUrl.TrimEnd('/');
        var link = $"{root}/api/{Route}/{Ids.RandomPart(certificateId)}";
        var capitals = link.ToUpperInvariant();

        // A path, query or user info in the public address may be case-sensitive (a proxy's prefix); keep it as given.
        return HasOnlySchemeAndHost(root) && capitals.AsSpan().IndexOfAnyExcept(QrAlphanumeric) < 0 ? capitals : link;
    }

    /// <summary>
    /// The certificate id a scanned or typed code names, read as Crockford base32 is meant to be read: any case,
    /// hyphens ignored, O as zero, I and L as one. Null when it cannot be an id.
    /// </summary>
    public static string? CertificateIdOf(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
        {
            return null;
        }

        var chars = new List<char>(Ids.RandomLength);
        foreach (var c in code.Trim().ToLowerInvariant())
        {
            switch (c)
            {
                case '-':
                    continue;
                case 'o':
                    chars.Add('0');
                    break;
                case 'i' or 'l':
                    chars.Add('1');
                    break;
                default:
                    chars.Add(c);
                    break;
            }
        }

        var id = $"{Ids.Certificate}_{new string([.. chars])}";
        return Ids.IsWellFormed(id, Ids.Certificate) ? id : null;
    }

    private static bool HasOnlySchemeAndHost(string root) =>
        Uri.TryCreate(root, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/"
        && uri.Query.Length == 0
        && uri.UserInfo.Length == 0;
}
