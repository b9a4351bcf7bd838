namespace Certifications.Functions.Certificates;

/// <summary>
/// What a certificate's public page shows: its verification, the addresses of its picture and PDF (null when there is
/// none to show), and what was earned: the certification's description and the titles of its criteria.
/// </summary>
public sealed record VerificationPageData(
    Verification Verification, string? PictureUrl, string? PdfUrl, string? Description, IReadOnlyList<string> Criteria);
