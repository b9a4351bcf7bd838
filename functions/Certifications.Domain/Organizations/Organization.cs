using Certifications.Domain.Languages;

namespace Certifications.Domain.Organizations;

/// <summary>A tenant: everything else belongs to exactly one organization.</summary>
public sealed record Organization
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The Certifications add-on; off by default, as in the product it comes from.</summary>
    public bool CertificationsEnabled { get; init; }

    public Branding Branding { get; init; } = Branding.Default;

    /// <summary>The LMS webhook signing secret (Standard Webhooks form); never returned by the API.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>The secret it replaced, still accepted for a day so an LMS switches over without losing deliveries.</summary>
    public string? PreviousWebhookSecret { get; init; }

    public DateTimeOffset? PreviousWebhookSecretExpiresAt { get; init; }

    /// <summary>The secrets a delivery may be signed with now: the current one, and the previous one for its last day.</summary>
    public IReadOnlyList<string> WebhookSecretsAt(DateTimeOffset now) =>
        [.. new[] { WebhookSecret, now < PreviousWebhookSecretExpiresAt ? PreviousWebhookSecret : null }.OfType<string>()];

    /// <summary>The BCP 47 tag of the language new designs and new people start with.</summary>
    public string Language { get; init; } = ProductLanguages.Default;

    /// <summary>The organization's Entra ID tenant: only tokens from it sign anyone in.</summary>
    public string? EntraTenantId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The organization's colours, used where a certification has no design of its own.</summary>
public sealed record Branding(string PrimaryColor, string AccentColor)
{
    public static Branding Default { get; } = new("#1F3A5F", "#C9A227");
}
