using Certifications.Domain.Common;
using Certifications.Domain.People;
using Certifications.Storage.Organizations;
using Certifications.Storage.People;

namespace Certifications.Functions.Organizations;

/// <summary>
/// Creates a tenant with its first super admin. Tenants are provisioned by operations (the dev host's demo data,
/// tests, a sign-up flow later), not through the tenant-scoped API.
/// </summary>
public sealed class OrganizationProvisioning(
    OrganizationRepository organizations, TenantClaims tenants, DirectoryRepository directory, TimeProvider clock)
{
    /// <summary>Creates the organization and its admin; with fixed ids a second call finds them and changes nothing.</summary>
    public async Task<(Domain.Organizations.Organization Organization, User Admin)> ProvisionAsync(
        string name, string adminEmail, string adminName, bool certificationsEnabled,
        string? organizationId = null, string? adminId = null, string? entraTenantId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var organization = new Domain.Organizations.Organization
        {
            Id = organizationId ?? Ids.New(Ids.Organization),
            Name = name,
            CertificationsEnabled = certificationsEnabled,
            EntraTenantId = entraTenantId,
            CreatedAt = now,
        };
        var existing = await organizations.GetAsync(organization.Id, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            if (entraTenantId is not null && !await tenants.ClaimAsync(entraTenantId, organization.Id, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Entra tenant {entraTenantId} belongs to another organization.");
            }

            _ = (await organizations.CreateAsync(organization, cancellationToken).ConfigureAwait(false)).Value;
        }

        var admin = new User
        {
            Id = adminId ?? Ids.New(Ids.User),
            OrganizationId = organization.Id,
            Email = adminEmail.ToLowerInvariant(),
            DisplayName = adminName,
            Roles = [Role.SuperAdmin],
            CreatedAt = now,
        };
        var stored = await directory.GetUserAsync(organization.Id, admin.Id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            _ = (await directory.CreateUserAsync(admin, cancellationToken).ConfigureAwait(false)).Value;
        }

        return (existing?.Value ?? organization, stored?.Value ?? admin);
    }
}
