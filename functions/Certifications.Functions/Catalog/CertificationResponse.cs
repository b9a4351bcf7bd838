using Certifications.Domain.Catalog;

namespace Certifications.Functions.Catalog;

/// <summary>A certification as the API shows it.</summary>
public sealed record CertificationResponse(
    string Id, string Title, string Description, CertificationStatus Status, bool RequireApproval, int? ValidityMonths,
    IReadOnlyList<CriterionResponse> Criteria, CertificationResponse.ViewAccessGroups ViewAccess, DesignResponse CertificateDesign,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? ArchivedAt)
{
    public static CertificationResponse From(Certification c) => new(
        c.Id, c.Title, c.Description, c.Status, c.RequireApproval, c.ValidityMonths,
        [.. c.Criteria.Select(CriterionResponse.From)], new ViewAccessGroups(c.ViewAccessGroupIds), DesignResponse.From(c.Design),
        c.CreatedAt, c.UpdatedAt, c.PublishedAt, c.ArchivedAt);

    /// <summary>Its learners as the last report run counted them; shown to super admins in the catalog list only.</summary>
    public LearnerCounts? Learners { get; init; }

    /// <summary>The groups whose learners may discover and self-enroll.</summary>
    public sealed record ViewAccessGroups(IReadOnlyList<string> GroupIds);

    /// <summary>Active learners, overdue ones and those who earned it, at the time they were counted.</summary>
    public sealed record LearnerCounts(int Total, int Overdue, int Earned, DateTimeOffset CountedAt);
}

/// <summary>A criterion as the API shows it (kind in the contract's snake_case).</summary>
public sealed record CriterionResponse(
    string Id, string Kind, string Title, string? Description, string? ExternalActivityId, int? MinScore,
    bool EvidenceRequired, IReadOnlyList<string>? Skills, int? MinStars)
{
    public static CriterionResponse From(Criterion c) => new(
        c.Id, c.Kind.ToName(), c.Title, c.Description, c.ExternalActivityId, c.MinScore, c.EvidenceRequired,
        c.Skills.Count > 0 ? c.Skills : null, c.MinStars);
}

/// <summary>
/// A certificate design as the API shows it; <c>logo</c> and <c>headingFont</c> are the stored files' references, <c>direction</c>
/// auto, ltr or rtl, and
/// <c>rightToLeft</c> what auto comes to for the design's language.
/// </summary>
public sealed record DesignResponse(
    string Heading, string Body, string PrimaryColor, string AccentColor, string? Logo, string? SignatoryName, string? SignatoryTitle, string Orientation,
    string Language, string Direction, bool RightToLeft, string? HeadingFont)
{
    public static DesignResponse From(CertificateDesign d) => new(
        d.Heading, d.Body, d.PrimaryColor, d.AccentColor, d.LogoBlob, d.SignatoryName, d.SignatoryTitle, d.Orientation.ToString().ToLowerInvariant(),
        d.Language, d.Direction switch { WritingDirection.LeftToRight => "ltr", WritingDirection.RightToLeft => "rtl", _ => "auto" }, d.IsRightToLeft,
        d.HeadingFontBlob);
}

/// <summary>The body of PUT /certifications/{id}/view-access.</summary>
public sealed record ViewAccessInput(IReadOnlyList<string>? GroupIds);
