using Certifications.Domain.Organizations;

namespace Certifications.Functions.Organizations;

/// <summary>The organization settings as the API shows them; the webhook secret only as "set" and a hint.</summary>
public sealed record OrganizationSettingsResponse(
    string Id, string Name, OrganizationSettingsResponse.AddOnsView AddOns, Branding Branding, string? EntraTenantId, bool WebhookSecretSet,
        string? WebhookSecretHint)
{
    public static OrganizationSettingsResponse From(Domain.Organizations.Organization o) =>
        new(o.Id, o.Name, new AddOnsView(o.CertificationsEnabled), o.Branding, o.EntraTenantId, o.WebhookSecret is not null,
            WebhookSecrets.Hint(o.WebhookSecret));

    /// <summary>Which add-ons are on.</summary>
    public sealed record AddOnsView(bool Certifications);
}
