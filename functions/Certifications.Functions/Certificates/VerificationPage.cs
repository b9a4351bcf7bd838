using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Certifications.Domain.Certificates;

namespace Certifications.Functions.Certificates;

/// <summary>The small page a person sees after scanning a certificate's QR code; every value is HTML-encoded.</summary>
public static class VerificationPage
{
    public static string For(Verification v)
    {
        var (headline, colour) = v.Status switch
        {
            "valid" => ("Valid certificate", "#1B7F3B"),
            "expired" => ("Expired certificate", "#9A6700"),
            _ => ("Revoked certificate", "#B42318"),
        };
        var rows = new List<(string, string)>
        {
            ("Awarded to", v.Learner),
            ("Certification", v.Certification),
            ("Issued by", v.Issuer),
            ("Issued on", CertificateWording.Date(v.IssuedAt)),
            ("Valid until", v.ExpiresAt is { } expires ? CertificateWording.Date(expires) : "No expiry date"),
        };
        if (v.RevokedAt is { } revoked)
        {
            rows.Add(("Revoked on", CertificateWording.Date(revoked)));
            rows.Add(("Reason", v.Reason ?? string.Empty));
        }

        rows.Add(("Certificate id", v.Id));
        if (v.PdfSha256 is not null)
        {
            rows.Add(("SHA-256 of the issued PDF", v.PdfSha256));
        }

        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(headline)).Append(" — ").Append(E(v.Certification)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:0;background:#f5f6f8;color:#222}")
            .Append("main{max-width:40rem;margin:2rem auto;background:#fff;border-radius:.5rem;padding:1.5rem 2rem;box-shadow:0 1px 3px #0002}")
            .Append("")
            .Append("h1{margin:.2rem 0 1rem;font-size:1.6rem}")
            .Append(".badge{display:inline-block;padding:.2rem .7rem;border-radius:1rem;color:#fff;font-weight:600;background:").Append(colour).Append('}')
            .Append("dl{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1.5rem;margin:0}dt{color:#666}")
            .Append("dd{margin:0;overflow-wrap:anywhere}code{font-size:.85rem}p{color:#666;font-size:.9rem}")
            .Append("</style></head><body><main>")
            .Append("<span class=\"badge\">").Append(E(v.Status.ToUpperInvariant())).Append("</span>")
            .Append("<h1>").Append(E(headline)).Append("</h1><dl>");
        foreach (var (label, value) in rows)
        {
            html.Append("<dt>").Append(E(label)).Append("</dt><dd>")
                .Append(label.StartsWith("SHA", StringComparison.Ordinal) || label == "Certificate id" ? "<code>" + E(value) + "</code>" : E(value))
                .Append("</dd>");
        }

        html.Append("</dl><p>Compare the SHA-256 above with <code>sha256sum</code> of a copy you were given: ")
            .Append("a copy that was changed will not match.</p></main></body></html>");
        return html.ToString();
    }

    /// <summary>The page for an id we cannot confirm; it says the same whatever the reason.</summary>
    public static string NotFound() =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Certificate not found</title></head>" +
        "<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto\"><h1>Certificate not found</h1>" +
        "<p>No certificate with this id can be confirmed. Check the address or ask the person who gave it to you.</p></body></html>";

    /// <summary>Markup characters are encoded; letters of every script are left readable (the page is UTF-8).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);
}
