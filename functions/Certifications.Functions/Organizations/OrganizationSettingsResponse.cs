using Certifications.Domain.Organizations;

namespace Certifications.Functions.Organizations;

/// <summary>The organization settings as the API shows them; the webhook secret only as "set" and a hint.</summary>
public sealed record OrganizationSettingsResponse(
    string Id, string Name, OrganizationSettingsResponse.AddOnSettings AddOns, Branding Branding, string? EntraTenantId, bool WebhookSecretSet,
        string? WebhookSecretHint, DateTimeOffset? PreviousWebhookSecretWorksUntil, string Language)
{
    /// <summary>The settings as of <paramref name="now"/>: a replaced secret whose overlap has ended is not mentioned.</summary>
    public static OrganizationSettingsResponse From(Domain.Organizations.Organization o, DateTimeOffset now) =>
        new(o.Id, o.Name, new AddOnSettings(o.CertificationsEnabled), o.Branding, o.EntraTenantId, o.WebhookSecret is not null,
            WebhookSecrets.Hint(o.WebhookSecret),
            o.PreviousWebhookSecret is not null && o.PreviousWebhookSecretExpiresAt > now ? o.PreviousWebhookSecretExpiresAt : null, o.Language);

    /// <summary>Which add-ons are on.</summary>
    public sealed record AddOnSettings(bool Certifications);
}
