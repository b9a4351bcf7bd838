using Certifications.Domain.Common;
using Certifications.Domain.Organizations;
using Certifications.Domain.Policies;
using Certifications.Storage.Common;
using Certifications.Storage.Organizations;

namespace Certifications.Functions.Organizations;

/// <summary>Reading and changing an organization's settings (super admins only).</summary>
public sealed class OrganizationService(OrganizationRepository organizations, TenantClaims tenants, TimeProvider clock)
{
    public async Task<Result<Versioned<Domain.Organizations.Organization>>> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsSuperAdmin)
        {
            return Error.Forbidden("Only a super admin can see the organization settings.");
        }

        var organization = await organizations.GetAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false);
        return organization is null ? Error.NotFound("The organization") : organization;
    }

    public async Task<Result<Versioned<Domain.Organizations.Organization>>> UpdateAsync(
        Caller caller, OrganizationSettingsInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await GetAsync(caller, cancellationToken).ConfigureAwait(false);
        if (!current.IsSuccess)
        {
            return current.Error!;
        }

        if (!current.Value.IsMatchedBy(ifMatch))
        {
            return Error.Stale("The organization's settings");
        }

        var before = current.Value.Value;
        var updated = input.ApplyTo(before, clock.GetUtcNow(), caller.User.SignIn?.TenantId);
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }

        // The tenant is claimed before the settings name it and released after they stop: a tenant is never named twice.
        var (oldTenant, newTenant) = (before.EntraTenantId, updated.Value.EntraTenantId);
        var tenantChanged = !string.Equals(oldTenant, newTenant, StringComparison.OrdinalIgnoreCase);
        if (tenantChanged && newTenant is not null && !await tenants.ClaimAsync(newTenant, before.Id, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict("That Entra tenant belongs to another organization already.");
        }

        var etag = await organizations.UpdateAsync(updated.Value, current.Value.ETag, cancellationToken).ConfigureAwait(false);
        if (!etag.IsSuccess)
        {
            if (tenantChanged && newTenant is not null)
            {
                await tenants.ReleaseAsync(newTenant, before.Id, CancellationToken.None).ConfigureAwait(false);
            }

            return etag.Error!;
        }

        if (tenantChanged && oldTenant is not null)
        {
            await tenants.ReleaseAsync(oldTenant, before.Id, cancellationToken).ConfigureAwait(false);
        }

        return new Versioned<Domain.Organizations.Organization>(updated.Value, etag.Value);
    }
}
