using Certifications.Domain.Catalog;
using Certifications.Domain.Languages;

namespace Certifications.Domain.Certificates;

/// <summary>
/// The words on a certificate: the design's heading and body with their placeholders filled. The body is split
/// around the first <c>{{learner}}</c> so the name can stand on its own line, as on any printed certificate.
/// </summary>
public static class CertificateWording
{
    /// <summary>A date as <paramref name="language"/> writes it on a certificate ("7 December 2026", "2026年12月7日").</summary>
    public static string Date(DateTimeOffset date, string? language = null) => CertificateWords.Date(date, language);

    /// <summary>The template with its placeholders filled, dates in <paramref name="language"/>.</summary>
    public static string Fill(string template, Certificate certificate, string? language = null) =>
        Placeholder.Fill(template, name => Value(name, certificate, language));

    /// <summary>The body before the learner's name, and after it; null <c>Before</c> when the body does not name the learner.</summary>
    public static (string? Before, string After) SplitAtLearner(string body, Certificate certificate, string? language = null)
    {
        var learner = Placeholder.In(body).FirstOrDefault(p => p.Name == "learner");
        return learner.Length == 0
            ? (null, Fill(body, certificate, language).Trim())
            : (Fill(body[..learner.Index], certificate, language).Trim(), Fill(body[(learner.Index + learner.Length)..], certificate, language).Trim());
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
        LearnerName = SampleName(certification.Design.Language),
        IssuedAt = now,
        ExpiresAt = Certificate.ExpiryOf(certification, now),
    };

    /// <summary>A learner's name in the design's script, so the preview shows how a real one is set.</summary>
    public static string SampleName(string language) => ProductLanguages.Culture(language).TwoLetterISOLanguageName switch
    {
        "ar" => "فاطمة الزهراء",
        "he" => "נועה כהן",
        "ja" => "山田 花子",
        "zh" => "王小明",
        "ko" => "김민준",
        "hi" => "अनन्या शर्मा",
        "bn" => "অনন্যা রায়",
        "ta" => "அனன்யா",
        "th" => "สมชาย ใจดี",
        _ => "Zoë Ångström-Núñez",
    };

    private static string? Value(string name, Certificate certificate, string? language) => name switch
    {
        "learner" => certificate.LearnerName,
        "certification" => certificate.CertificationTitle,
        "date" => Date(certificate.IssuedAt, language),
        "expires" => certificate.ExpiresAt is { } expires ? Date(expires, language) : CertificateWords.Get(CertificateWords.NoExpiry, language),
        "id" => certificate.Id,
        _ => null,
    };
}
