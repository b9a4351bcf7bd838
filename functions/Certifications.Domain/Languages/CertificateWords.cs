using System.Resources;

namespace Certifications.Domain.Languages;

/// <summary>The words a certificate prints around the design's own text, per language (CertificateWords.*.resx).</summary>
public static class CertificateWords
{
    public const string Heading = nameof(Heading);
    public const string Body = nameof(Body);
    public const string Issued = nameof(Issued);
    public const string ValidUntil = nameof(ValidUntil);
    public const string ScanToVerify = nameof(ScanToVerify);
    public const string IdLine = nameof(IdLine);
    public const string NoExpiry = nameof(NoExpiry);

    /// <summary>A date as the language writes it on a certificate: day, month name and year, no weekday.</summary>
    public const string DatePattern = nameof(DatePattern);

    private static readonly WordCatalogue Catalogue = new(nameof(CertificateWords));

    public static ResourceManager Resources => Catalogue.Resources;

    public static string Get(string key, string? language) => Catalogue.Get(key, language);

    public static string Format(string key, string? language, params object[] values) => Catalogue.Format(key, language, values);

    public static string Date(DateTimeOffset date, string? language) => Catalogue.Date(date, DatePattern, language);
}
