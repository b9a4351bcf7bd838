namespace Certifications.Domain.Catalog;

/// <summary>Draft → Published → Archived; archived takes no new enrollments but keeps the ones it has.</summary>
public enum CertificationStatus
{
    Draft,
    Published,
    Archived,
}
