using Certifications.Domain.People;
using Certifications.Domain.Policies;
using Certifications.Storage.Organizations;
using Certifications.Storage.People;

namespace Certifications.Functions.Identity;

/// <summary>
/// Finds who a token's subject is in our own tables (organization, roles, groups, coach). The binding row is read on
/// every request (one point read), so a disabled user is refused at once on every instance; the user and organization
/// behind it are read through the organization's cache, which the directory's and settings' writes drop.
/// </summary>
public sealed class CallerLookup(DirectoryRepository directory, OrganizationRepository organizations)
{
    /// <summary>The caller a sign-in belongs to, or why there is none.</summary>
    public async Task<(Caller? Caller, string? Refusal)> FindAsync(SignInIdentity identity, CancellationToken cancellationToken)
    {
        var bound = await directory.ResolveIdentityAsync(identity, cancellationToken).ConfigureAwait(false);
        if (bound is null)
        {
            return (null,
                "This account is not linked to a user yet: open the invitation link from your e-mail and sign in there, or ask an admin to resend it.");
        }

        if (bound.Disabled)
        {
            return (null, "This user has been disabled; an admin of the organization can enable them again.");
        }

        var userTask = directory.GetUserCachedAsync(bound.OrganizationId, bound.UserId, cancellationToken);
        var organization = await organizations.GetCachedAsync(bound.OrganizationId, cancellationToken).ConfigureAwait(false);
        var user = await userTask.ConfigureAwait(false);
        if (user is null || organization is null)
        {
            return (null, "This account's user no longer exists.");
        }

        // The binding was made from the organization's tenant; if the organization has moved tenant since, it is void.
        return string.Equals(organization.EntraTenantId, identity.TenantId, StringComparison.OrdinalIgnoreCase)
            ? (new Caller(user, organization), null)
            : (null, "This account's directory is not the organization's Entra ID tenant.");
    }
}
