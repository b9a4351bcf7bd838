namespace Certifications.Domain.Catalog;

/// <summary>How a certification's certificate looks; the body may use the placeholders of <see cref="Placeholders"/>.</summary>
public sealed record CertificateDesign
{
    public required string Heading { get; init; }

    public required string Body { get; init; }

    public required string PrimaryColor { get; init; }

    public required string AccentColor { get; init; }

    /// <summary>Name of the logo blob in the branding container, if there is a logo.</summary>
    public string? LogoBlob { get; init; }

    public string? SignatoryName { get; init; }

    public string? SignatoryTitle { get; init; }

    public Orientation Orientation { get; init; } = Orientation.Landscape;

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
