using System.Globalization;
using Certifications.Domain.Catalog;

namespace Certifications.Domain.Certificates;

/// <summary>
/// The words on a certificate: the design's heading and body with their placeholders filled. The body is split
/// around the first <c>{{learner}}</c> so the name can stand on its own line, as on any printed certificate.
/// </summary>
public static class CertificateWording
{
    public const string NoExpiry = "no expiry date";

    public static string Date(DateTimeOffset date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Fill(string template, Certificate certificate) => Placeholder.Fill(template, name => Value(name, certificate));

    /// <summary>The body before the learner's name, and after it; null <c>Before</c> when the body does not name the learner.</summary>
    public static (string? Before, string After) SplitAtLearner(string body, Certificate certificate)
    {
        var learner = Placeholder.In(body).FirstOrDefault(p => p.Name == "learner");
        return learner.Length == 0
            ? (null, Fill(body, certificate).Trim())
            : (Fill(body[..learner.Index], certificate).Trim(), Fill(body[(learner.Index + learner.Length)..], certificate).Trim());
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
}
