using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Certifications.Domain.Certificates;

namespace Certifications.Functions.Certificates;

/// <summary>
/// The page a person sees after scanning a certificate's QR code or following its link, drawn on the server (it works
/// without JavaScript and for link previews): the certificate's picture, what was earned and its standing, and Open Graph
/// and Twitter card tags so a shared link shows the certificate. Every value is HTML-encoded.
/// </summary>
public static class VerificationPage
{
    /// <summary>The page of a certificate, with what was earned, its picture and its PDF when there are.</summary>
    public static string For(VerificationPageData data, string pageUrl) =>
        For(data.Verification, data.PictureUrl, pageUrl, data.PdfUrl, data.Description, data.Criteria);

    /// <param name="v">What the verification says.</param>
    /// <param name="pictureUrl">The certificate's public picture, or null when it has none (certificates drawn before pictures).</param>
    /// <param name="pageUrl">This page's own address, for link previews.</param>
    /// <param name="pdfUrl">The PDF as issued, or null when it is not offered (revoked, or not drawn).</param>
    /// <param name="description">The certification's description.</param>
    /// <param name="criteria">The titles of the certification's criteria, all of which the learner met.</param>
    public static string For(
        Verification v, string? pictureUrl = null, string? pageUrl = null, string? pdfUrl = null, string? description = null,
        IReadOnlyList<string>? criteria = null)
    {
        var (headline, colour) = v.Status switch
        {
            "valid" => ("Valid certificate", "#1B7F3B"),
            "expired" => ("Expired certificate", "#9A6700"),
            _ => ("Revoked certificate", "#B42318"),
        };
        var rows = new List<(string Label, string Value, bool Code)>
        {
            ("Awarded to", v.Learner, false),
            ("Certification", v.Certification, false),
            ("Issued by", v.Issuer, false),
            ("Issued on", CertificateWording.Date(v.IssuedAt), false),
            ("Valid until", v.ExpiresAt is { } expires ? CertificateWording.Date(expires) : "No expiry date", false),
        };
        if (v.RevokedAt is { } revoked)
        {
            rows.Add(("Revoked on", CertificateWording.Date(revoked), false));
            rows.Add(("Reason", v.Reason ?? string.Empty, false));
        }

        rows.Add(("Certificate id", v.Id, true));
        if (v.PdfSha256 is not null)
        {
            rows.Add(("Fingerprint of the issued PDF (SHA-256)", v.PdfSha256, true));
        }

        var title = $"{v.Certification} — {v.Learner}";
        var summary = $"{headline}: {v.Certification}, awarded to {v.Learner} by {v.Issuer} on {CertificateWording.Date(v.IssuedAt)}.";
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(headline)).Append(" — ").Append(E(v.Certification)).Append("</title>")
            .Append("<meta name=\"description\" content=\"").Append(E(summary)).Append("\">");
        Meta(html, "property", "og:type", "website");
        Meta(html, "property", "og:title", title);
        Meta(html, "property", "og:description", summary);
        Meta(html, "property", "og:site_name", v.Issuer);
        Meta(html, "name", "twitter:card", pictureUrl is null ? "summary" : "summary_large_image");
        Meta(html, "name", "twitter:title", title);
        Meta(html, "name", "twitter:description", summary);
        if (pageUrl is not null)
        {
            Meta(html, "property", "og:url", pageUrl);
        }

        if (pictureUrl is not null)
        {
            Meta(html, "property", "og:image", pictureUrl);
            Meta(html, "property", "og:image:alt", $"The certificate of {v.Certification}, awarded to {v.Learner}");
            Meta(html, "name", "twitter:image", pictureUrl);
        }

        html.Append("<style>body{font-family:system-ui,sans-serif;margin:0;background:#f5f6f8;color:#222;line-height:1.45}")
            .Append("main{max-width:48rem;margin:2rem auto;background:#fff;border-radius:.5rem;padding:1.5rem 2rem;box-shadow:0 1px 3px #0002}")
            .Append("h1{margin:.2rem 0 1rem;font-size:1.6rem}")
            .Append("img{display:block;width:100%;height:auto;border:1px solid #ddd;border-radius:.25rem;margin:0 0 1.25rem}")
            .Append(".badge{display:inline-block;padding:.2rem .7rem;border-radius:1rem;color:#fff;font-weight:600;background:").Append(colour).Append('}')
            .Append("dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.5rem 1.5rem;margin:0}dt{color:#666}")
            .Append("dd{margin:0;overflow-wrap:anywhere}code{font-size:.85rem;word-break:break-all}p{color:#666;font-size:.9rem}")
            .Append("h2{font-size:1.1rem;margin:1.5rem 0 .5rem}.lead{color:#222;font-size:1rem}ul{margin:.25rem 0 0;padding-inline-start:1.25rem}")
            .Append(".download{display:inline-block;margin:0 0 1.25rem;padding:.5rem 1rem;border-radius:.375rem;background:#1d4ed8;color:#fff;")
            .Append("text-decoration:none;font-weight:600}#verify-file{margin-top:1.5rem;padding:1rem;border:2px dashed #bbb;border-radius:.5rem}")
            .Append("output{display:block;margin-top:.5rem;font-weight:600}output.match{color:#1B7F3B}output.mismatch{color:#B42318}")
            // On a phone each label stands above its value, so a value is not squeezed into a word a line.
            .Append("@media (max-width:32rem){main{margin:0;border-radius:0;padding:1rem}dl{grid-template-columns:1fr;gap:.1rem}dd{margin-bottom:.6rem}}")
            .Append("</style></head><body><main>")
            .Append("<span class=\"badge\">").Append(E(v.Status.ToUpperInvariant())).Append("</span>")
            .Append("<h1>").Append(E(headline)).Append("</h1>");
        if (pictureUrl is not null)
        {
            html.Append("<img src=\"").Append(E(pictureUrl)).Append("\" width=\"1684\" height=\"1190\" alt=\"")
                .Append(E($"The certificate of {v.Certification}, awarded to {v.Learner}")).Append("\">");
        }

        if (pdfUrl is not null)
        {
            html.Append("<a class=\"download\" href=\"").Append(E(pdfUrl)).Append("\" download>Download the PDF</a>");
        }

        html.Append("<dl>");
        foreach (var (label, value, code) in rows)
        {
            html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(code ? "<code>" + E(value) + "</code>" : E(value)).Append("</dd>");
        }

        html.Append("</dl>");
        if (!string.IsNullOrWhiteSpace(description) || criteria is { Count: > 0 })
        {
            html.Append("<section aria-labelledby=\"earned\"><h2 id=\"earned\">What was earned</h2>");
            if (!string.IsNullOrWhiteSpace(description))
            {
                html.Append("<p class=\"lead\">").Append(E(description)).Append("</p>");
            }

            if (criteria is { Count: > 0 })
            {
                html.Append("<p>Every one of these was met:</p><ul>");
                foreach (var criterion in criteria)
                {
                    html.Append("<li>").Append(E(criterion)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</section>");
        }

        html.Append("<p>This page is kept by the issuer and says whether the certificate stands today. A PDF you were given ")
            .Append("is the one issued when its SHA-256 fingerprint matches the one above; a copy that was changed will not match.</p>");
        if (v.PdfSha256 is { } fingerprint)
        {
            // Shown by the script only where the browser can hash a file; the sentence above serves everyone else.
            html.Append("<section id=\"verify-file\" hidden data-sha256=\"").Append(E(fingerprint))
                .Append("\" data-match=\"This is the PDF that was issued: its fingerprint matches.\"")
                .Append(" data-mismatch=\"This file is not the PDF that was issued: its fingerprint does not match.\" aria-labelledby=\"check\">")
                .Append("<h2 id=\"check\">Check a PDF you were given</h2><p>Drop it here or choose it: it is checked in your browser, ")
                .Append("nothing is uploaded.</p><label>PDF to check <input type=\"file\" accept=\"application/pdf,.pdf\"></label>")
                .Append("<output aria-live=\"polite\"></output></section><script>").Append(VerificationScript.Source).Append("</script>");
        }

        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>The page for an id we cannot confirm; it says the same whatever the reason.</summary>
    public static string NotFound() =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>Certificate not found</title></head>" +
        "<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem\"><h1>Certificate not found</h1>" +
        "<p>No certificate with this id can be confirmed. Check the address or ask the person who gave it to you.</p></body></html>";

    /// <summary>Markup characters are encoded; letters of every script are left readable (the page is UTF-8).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    private static void Meta(StringBuilder html, string kind, string name, string content) =>
        html.Append("<meta ").Append(kind).Append("=\"").Append(name).Append("\" content=\"").Append(E(content)).Append("\">");
}
