using System.Security.Cryptography;
using System.Text;
using Certifications.Domain.Common;
using Certifications.Domain.Organizations;
using Certifications.Domain.People;
using Certifications.Functions.Organizations;
using Certifications.Storage.People;

namespace Certifications.DevHost.Identity;

/// <summary>
/// Stands in for the invitation on this machine: binds a demo or test user to a development account (the
/// organization's tenant, the user's id as object id), so the tokens the dev host prints go through the same
/// (tid, oid) lookup as Entra's.
/// </summary>
public sealed class DevAccounts(DirectoryRepository directory, OrganizationProvisioning provisioning, DevTokens tokens)
{
    /// <summary>A new organization on its development tenant, with its first super admin bound to a development account.</summary>
    public async Task<(Organization Organization, User Admin)> ProvisionAsync(
        string name, string adminEmail, string adminName, bool certificationsEnabled = true, CancellationToken cancellationToken = default)
    {
        var organizationId = Ids.New(Ids.Organization);
        var (organization, admin) = await provisioning.ProvisionAsync(
            name, adminEmail, adminName, certificationsEnabled, organizationId, entraTenantId: TenantOf(
                organizationId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return (organization, await BindAsync(admin, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A stable development tenant id for an organization (a GUID derived from its id).</summary>
    public static string TenantOf(string organizationId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("dev-tenant/" + organizationId)).AsSpan(0, 16)).ToString("D");

    /// <summary>Binds the user to their development account if that is not done yet; the user as stored afterwards.</summary>
    public async Task<User> BindAsync(User user, CancellationToken cancellationToken = default)
    {
        var identity = new SignInIdentity(TenantOf(user.OrganizationId), user.Id);
        var current = await directory.GetUserAsync(user.OrganizationId, user.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No user {user.Id} to bind.");
        if (current.Value.SignIn == identity)
        {
            return current.Value;
        }

        _ = await directory.BindIdentityAsync(identity, current.Value, cancellationToken).ConfigureAwait(false);
        var bound = current.Value with { SignIn = identity };
        _ = (await directory.UpdateUserAsync(current.Value, bound, current.ETag, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        return bound;
    }

    /// <summary>
    /// A token for a development account nobody is bound to yet, in the organization's tenant: who opens an invitation
    /// link signs in with one, and accepting binds it.
    /// </summary>
    public string TokenForNewAccount(string organizationId) =>
        tokens.Issue(new SignInIdentity(TenantOf(organizationId), "new_" + Guid.NewGuid().ToString("N")));

    /// <summary>A token for a bound user's development account.</summary>
    public string TokenFor(User user, TimeSpan? lifetime = null) =>
        tokens.Issue(user.SignIn ?? new SignInIdentity(TenantOf(user.OrganizationId), user.Id), lifetime);
}
