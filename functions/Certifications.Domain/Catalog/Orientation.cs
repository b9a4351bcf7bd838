namespace Certifications.Domain.Catalog;

/// <summary>Page orientation of the certificate.</summary>
public enum Orientation
{
    Landscape,
    Portrait,
}
