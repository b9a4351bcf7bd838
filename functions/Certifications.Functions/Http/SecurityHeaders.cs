using Microsoft.AspNetCore.Http;

namespace Certifications.Functions.Http;

/// <summary>The hardening headers of every HTML page and file the API serves (JSON answers are not rendered by browsers).</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Pages are self-contained: inline styles, their own images (a certificate's picture) and data URLs, never framed;
    /// the only script is the verification page's file check, allowed by its hash.
    /// </summary>
    public static readonly string PagePolicy =
        $"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src {Certificates.VerificationScript.Hash}; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>A file opened in the browser is never framed; stricter directives (sandbox) stop Chromium's PDF viewer.</summary>
    public const string FilePolicy = "frame-ancestors 'none'";

    public static void Apply(HttpResponse response, bool page)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = page ? PagePolicy : FilePolicy;
        if (page)
        {
            headers.XFrameOptions = "DENY";
        }
    }
}
