using Certifications.Domain.Common;
using Certifications.Domain.Languages;

namespace Certifications.Domain.Organizations;

/// <summary>What a super admin may change about the organization; a field left out keeps its value.</summary>
public sealed record OrganizationSettingsInput
{
    public string? Name { get; init; }

    public AddOnsInput? AddOns { get; init; }

    public BrandingInput? Branding { get; init; }

    /// <summary>The Entra ID tenant (a GUID) whose accounts sign in; empty removes it.</summary>
    public string? EntraTenantId { get; init; }

    /// <summary>A BCP 47 tag: the language new certificate designs and new people start with.</summary>
    public string? Language { get; init; }

    /// <summary>Write-only: a new secret replaces the old; absent keeps it; empty string removes it.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>True stops the replaced secret at once, instead of at the end of its overlap (a leaked secret).</summary>
    public bool? RevokePreviousWebhookSecret { get; init; }

    public sealed record AddOnsInput
    {
        public bool? Certifications { get; init; }
    }

    public sealed record BrandingInput
    {
        public string? PrimaryColor { get; init; }

        public string? AccentColor { get; init; }
    }

    /// <summary>How long a replaced webhook secret keeps working.</summary>
    public static readonly TimeSpan SecretOverlap = TimeSpan.FromHours(24);

    /// <summary>
    /// Applies the input to the organization, or says every field that is wrong. A tenant can be named only by someone
    /// signed in with one of its accounts (<paramref name="callerTenantId"/>): otherwise any organization could claim
    /// another company's tenant and invite its employees.
    /// </summary>
    public Result<Organization> ApplyTo(Organization organization, DateTimeOffset now, string? callerTenantId)
    {
        var errors = new FieldErrors();
        var name = errors.RequireText("name", Name ?? organization.Name, 200);
        var primary = Colors.Validate(errors, "branding.primaryColor", Branding?.PrimaryColor ?? organization.Branding.PrimaryColor);
        var accent = Colors.Validate(errors, "branding.accentColor", Branding?.AccentColor ?? organization.Branding.AccentColor);
        var language = ProductLanguages.Validate(errors, "language", Language, organization.Language);
        var secret = organization.WebhookSecret;
        if (WebhookSecret is not null)
        {
            if (WebhookSecret.Length == 0)
            {
                secret = null;
            }
            else if (!WebhookSecrets.IsValid(WebhookSecret))
            {
                errors.Add("webhookSecret", "must be 'whsec_' followed by base64 of 24 to 64 random bytes.");
            }
            else
            {
                secret = WebhookSecret;
            }
        }

        var tenant = organization.EntraTenantId;
        if (EntraTenantId is not null)
        {
            tenant = EntraTenantId.Length == 0 ? null
                : Guid.TryParseExact(EntraTenantId.Trim(), "D", out var id) ? id.ToString("D")
                : null;
            if (EntraTenantId.Length > 0 && tenant is null)
            {
                errors.Add("entraTenantId", "must be the tenant's id, a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.");
            }
            else if (EntraTenantId.Length == 0 && organization.EntraTenantId is not null)
            {
                errors.Add("entraTenantId", "cannot be removed: nobody could sign in any more, you included.");
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        if (tenant is not null && !string.Equals(tenant, organization.EntraTenantId, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(tenant, callerTenantId, StringComparison.OrdinalIgnoreCase))
        {
            return Error.Forbidden("Only a super admin signed in with an account of that tenant can name it; sign in with one, then set it.");
        }

        var (previous, previousUntil) = (organization.PreviousWebhookSecret, organization.PreviousWebhookSecretExpiresAt);
        if (secret is null)
        {
            (previous, previousUntil) = (null, null);
        }
        else if (secret != organization.WebhookSecret && organization.WebhookSecret is { } replaced)
        {
            (previous, previousUntil) = (replaced, now + SecretOverlap);
        }

        if (RevokePreviousWebhookSecret == true)
        {
            (previous, previousUntil) = (null, null);
        }

        return organization with
        {
            PreviousWebhookSecret = previous,
            PreviousWebhookSecretExpiresAt = previousUntil,
            EntraTenantId = tenant,
            Name = name!,
            CertificationsEnabled = AddOns?.Certifications ?? organization.CertificationsEnabled,
            Branding = new Branding(primary, accent),
            WebhookSecret = secret,
            Language = language,
        };
    }
}
