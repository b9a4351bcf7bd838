using Certifications.DevHost.Identity;
using Certifications.Domain.People;
using Certifications.Storage.Organizations;

namespace Certifications.DevHost.Web;

/// <summary>
/// The people the local sign-in page offers (the demo users), each with a fresh development token. Entra ID stands in
/// for it in Azure; only the dev host has this, and only in Development.
/// </summary>
public sealed class DevSignIn(DevAccounts accounts, OrganizationRepository organizations)
{
    private IReadOnlyList<(User User, string OrganizationName)> offered = [];

    /// <summary>One offered account: what the page shows and the token it signs in with.</summary>
    public sealed record Account(
        string Id, string DisplayName, string Email, string OrganizationId, string OrganizationName, IReadOnlyList<Role> Roles, string Token);

    public async Task OfferAsync(IReadOnlyList<User> users, CancellationToken cancellationToken = default)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var organizationId in users.Select(u => u.OrganizationId).Distinct())
        {
            names[organizationId] = (await organizations.GetAsync(organizationId, cancellationToken).ConfigureAwait(false))?.Value.Name ?? organizationId;
        }

        offered = [.. users.Select(u => (u, names[u.OrganizationId]))];
    }

    /// <summary>A fresh, unbound account per organization, for accepting an invitation.</summary>
    public sealed record NewAccount(string OrganizationId, string OrganizationName, string Token);

    public IReadOnlyList<NewAccount> NewAccounts() =>
        [.. offered.Select(o => (o.User.OrganizationId, o.OrganizationName)).Distinct()
            .Select(o => new NewAccount(o.OrganizationId, o.OrganizationName, accounts.TokenForNewAccount(o.OrganizationId)))];

    public IReadOnlyList<Account> Accounts() =>
        [.. offered.Select(o => new Account(
            o.User.Id, o.User.DisplayName, o.User.Email, o.User.OrganizationId, o.OrganizationName, o.User.Roles, accounts.TokenFor(o.User)))];
}
