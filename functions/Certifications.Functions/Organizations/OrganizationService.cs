using Certifications.Domain.Common;
using Certifications.Domain.Organizations;
using Certifications.Domain.Policies;
using Certifications.Functions.Identity;
using Certifications.Storage.Common;
using Certifications.Storage.Organizations;

namespace Certifications.Functions.Organizations;

/// <summary>Reading and changing an organization's settings (super admins only).</summary>
public sealed class OrganizationService(OrganizationRepository organizations, CallerDirectory callers, TimeProvider clock)
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

        var updated = input.ApplyTo(current.Value.Value, clock.GetUtcNow());
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }

        var etag = await organizations.UpdateAsync(updated.Value, current.Value.ETag, cancellationToken).ConfigureAwait(false);
        if (!etag.IsSuccess)
        {
            return etag.Error!;
        }

        callers.Forget(caller.OrganizationId);
        return new Versioned<Domain.Organizations.Organization>(updated.Value, etag.Value);
    }
}
