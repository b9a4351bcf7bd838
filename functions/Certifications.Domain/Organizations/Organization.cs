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

    /// <summary>The organization's Entra ID tenant: only tokens from it sign anyone in.</summary>
    public string? EntraTenantId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The organization's colours, used where a certification has no design of its own.</summary>
public sealed record Branding(string PrimaryColor, string AccentColor)
{
    public static Branding Default { get; } = new("#1F3A5F", "#C9A227");
}
