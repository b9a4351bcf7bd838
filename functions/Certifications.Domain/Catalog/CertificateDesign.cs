using Certifications.Domain.Languages;

namespace Certifications.Domain.Catalog;

/// <summary>Which way a certificate reads: from its language, or set.</summary>
public enum WritingDirection
{
    Auto,
    LeftToRight,
    RightToLeft,
}

/// <summary>How a certification's certificate looks; the body may use the placeholders of <see cref="Placeholders"/>.</summary>
public sealed record CertificateDesign
{
    public required string Heading { get; init; }

    public required string Body { get; init; }

    public required string PrimaryColor { get; init; }

    public required string AccentColor { get; init; }

    /// <summary>Name of the logo blob in the branding container, if there is a logo.</summary>
    public string? LogoBlob { get; init; }

    /// <summary>Name of the organization's own heading font in the branding container, if it uploaded one.</summary>
    public string? HeadingFontBlob { get; init; }

    public string? SignatoryName { get; init; }

    public string? SignatoryTitle { get; init; }

    public Orientation Orientation { get; init; } = Orientation.Landscape;

    /// <summary>The BCP 47 tag of the language the certificate's own words and dates are printed in.</summary>
    public string Language { get; init; } = ProductLanguages.Default;

    public WritingDirection Direction { get; init; } = WritingDirection.Auto;

    /// <summary>Right to left when set so, or left on Auto and the language is written right to left (Arabic, Hebrew...).</summary>
    public bool IsRightToLeft => Direction == WritingDirection.RightToLeft
        || (Direction == WritingDirection.Auto && ProductLanguages.IsRightToLeft(Language));

    /// <summary>The default design in a language: its heading and body in that language's words.</summary>
    public static CertificateDesign DefaultIn(string language) => Default with
    {
        Heading = CertificateWords.Get(CertificateWords.Heading, language),
        Body = CertificateWords.Get(CertificateWords.Body, language),
        Language = language,
    };

    /// <summary>Whether the heading and body are still the default words of the design's language (nobody wrote their own).</summary>
    public bool HasDefaultWords => Heading == CertificateWords.Get(CertificateWords.Heading, Language)
        && Body == CertificateWords.Get(CertificateWords.Body, Language);

    public static CertificateDesign Default { get; } = new()
    {
        Heading = "Certificate of Achievement",
        Body = "This certifies that {{learner}} has earned {{certification}} on {{date}}.",
        PrimaryColor = "#1F3A5F",
        AccentColor = "#C9A227",
    };

    /// <summary>The placeholders a design's heading and body may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["learner", "certification", "date", "expires", "id"];
}
