using System.Globalization;
using System.Text.RegularExpressions;
using Certifications.Domain.Catalog;

namespace Certifications.Domain.Certificates;

/// <summary>
/// The words on a certificate: the design's heading and body with their placeholders filled. The body is split
/// around the first <c>{{learner}}</c> so the name can stand on its own line, as on any printed certificate.
/// </summary>
public static partial class CertificateWording
{
    public const string NoExpiry = "no expiry date";

    public static string Date(DateTimeOffset date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Fill(string template, Certificate certificate) => Placeholder().Replace(template, m => Value(m.Groups[1].Value, certificate) ?? m.Value);

    /// <summary>The body before the learner's name, and after it; null <c>Before</c> when the body does not name the learner.</summary>
    public static (string? Before, string After) SplitAtLearner(string body, Certificate certificate)
    {
        var match = Placeholder().Matches(body).FirstOrDefault(m => m.Groups[1].Value == "learner");
        return match is null
            ? (null, Fill(body, certificate).Trim())
            : (Fill(body[..match.Index], certificate).Trim(), Fill(body[(match.Index + match.Length)..], certificate).Trim());
    }

    /// <summary>A certificate with sample data, for the design preview and for checking that a design fits its page.</summary>
    public static Certificate Sample(Certification certification, string organizationName, DateTimeOffset now) => new()
    {
        Id = "cer_sample0preview0certificate0id00",
        OrganizationId = certification.OrganizationId,
        OrganizationName = organizationName,
        EnrollmentId = "enr_sample",
        CertificationId = certification.Id,
        CertificationTitle = certification.Title,
        LearnerId = "usr_sample",
        LearnerName = "Zoë Ångström-Núñez",
        IssuedAt = now,
        ExpiresAt = Certificate.ExpiryOf(certification, now),
    };

    private static string? Value(string name, Certificate certificate) => name switch
    {
        "learner" => certificate.LearnerName,
        "certification" => certificate.CertificationTitle,
        "date" => Date(certificate.IssuedAt),
        "expires" => certificate.ExpiresAt is { } expires ? Date(expires) : NoExpiry,
        "id" => certificate.Id,
        _ => null,
    };

    [GeneratedRegex(@"\{\{\s*([a-z]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
