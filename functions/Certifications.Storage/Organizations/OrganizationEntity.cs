using Azure;
using Azure.Data.Tables;
using Certifications.Domain.Languages;
using Certifications.Domain.Organizations;

namespace Certifications.Storage.Organizations;

/// <summary>An organization's settings row: one partition per organization.</summary>
internal sealed class OrganizationEntity : ITableEntity
{
    public const string SettingsRow = "settings";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = SettingsRow;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = string.Empty;

    public bool CertificationsEnabled { get; set; }

    public string PrimaryColor { get; set; } = Branding.Default.PrimaryColor;

    public string AccentColor { get; set; } = Branding.Default.AccentColor;

    /// <summary>Protected (<see cref="Secrets.SecretProtector"/>), never in clear.</summary>
    public string? WebhookSecret { get; set; }

    public string? PreviousWebhookSecret { get; set; }

    public DateTimeOffset? PreviousWebhookSecretExpiresAt { get; set; }

    public string? EntraTenantId { get; set; }

    /// <summary>Null on rows written before languages: English.</summary>
    public string? Language { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public static OrganizationEntity From(Organization o) => new()
    {
        PartitionKey = o.Id,
        Name = o.Name,
        CertificationsEnabled = o.CertificationsEnabled,
        PrimaryColor = o.Branding.PrimaryColor,
        AccentColor = o.Branding.AccentColor,
        PreviousWebhookSecretExpiresAt = o.PreviousWebhookSecretExpiresAt,
        EntraTenantId = o.EntraTenantId,
        Language = o.Language,
        CreatedAt = o.CreatedAt,
    };

    public Organization ToOrganization() => new()
    {
        Id = PartitionKey,
        Name = Name,
        CertificationsEnabled = CertificationsEnabled,
        Branding = new Branding(PrimaryColor, AccentColor),
        PreviousWebhookSecretExpiresAt = PreviousWebhookSecretExpiresAt,
        EntraTenantId = EntraTenantId,
        Language = Language ?? ProductLanguages.Default,
        CreatedAt = CreatedAt,
    };
}
