using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Certifications.DevHost;
using Certifications.Domain.Common;
using Certifications.Domain.People;
using Certifications.Functions.Organizations;
using Certifications.Functions.Tests.Fixtures;
using Certifications.Storage.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Certifications.Functions.Tests.Http;

/// <summary>
/// Sign-in with Entra ID: a dev host configured with the multi-tenant authority, whose discovery document is replaced
/// by one that trusts this test's RSA key (the only stand-in; validation runs as in Azure).
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed partial class EntraSignInTests(DevHostFixture fixture) : IAsyncLifetime
{
    private const string ClientId = "6a1c7a0e-3f57-4a5e-9a43-2d1f3f6f0b11";
    private const string AppIdUri = "api://certifications";
    private static readonly RsaSecurityKey EntraKey = new(RSA.Create(2048)) { KeyId = "entra-test-key" };

    private DevHostApp host = null!;

    public async Task InitializeAsync()
    {
        var discovery = new OpenIdConnectConfiguration { Issuer = "https://login.microsoftonline.com/{tenantid}/v2.0" };
        discovery.SigningKeys.Add(EntraKey);
        host = await fixture.StartHostAsync(
            new Dictionary<string, string?> { ["Auth:Authority"] = "https://login.microsoftonline.com/organizations/v2.0", ["Auth:ClientId"] = ClientId },
            services =>
                services.AddSingleton<BaseConfigurationManager>(
                new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(discovery)));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_invited_user_binds_their_account_by_the_link_once_and_signs_in_by_it()
    {
        var (org, tenant) = await OrganizationOnTenantAsync();
        using var admin = org.AsAdmin();
        var (user, link) = await InviteAsync(admin, "eva.entra", "Éva Entra-Ñúñez");
        using var eva = org.Client(Token(tenant, "oid-eva", ClientId));

        var unbound = await (await eva.GetAsync("me")).Problem(HttpStatusCode.Unauthorized);
        Assert.Contains("invitation link", unbound["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        (await eva.PostAsync($"invitations/{link}/accept", null)).EnsureSuccessStatusCode();
        var me = await (await eva.GetAsync("me")).Json();
        Assert.Equal(user, me["user"]!["id"]!.GetValue<string>());
        Assert.Equal("active", me["user"]!["status"]!.GetValue<string>());

        await (await eva.PostAsync($"invitations/{link}/accept", null)).Problem(HttpStatusCode.Conflict);
        using var other = org.Client(Token(tenant, "oid-mallory", ClientId));
        await (await other.PostAsync($"invitations/{link}/accept", null)).Problem(HttpStatusCode.Conflict);
        await (await other.GetAsync("me")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_of_the_application_id_uri_audience_is_accepted_too()
    {
        var (org, tenant) = await OrganizationOnTenantAsync();
        using var admin = org.AsAdmin();
        var (_, link) = await InviteAsync(admin, "ari.audience", "Ari Audience");
        using var ari = org.Client(Token(tenant, "oid-ari", AppIdUri));

        (await ari.PostAsync($"invitations/{link}/accept", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await ari.GetAsync("me")).StatusCode);
        using var elsewhere = org.Client(Token(tenant, "oid-ari", "api://another-app"));
        await (await elsewhere.GetAsync("me")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_account_of_another_tenant_cannot_take_an_invitation_or_sign_in()
    {
        var (org, tenant) = await OrganizationOnTenantAsync();
        using var admin = org.AsAdmin();
        var (_, link) = await InviteAsync(admin, "tom.tenant", "Tom Tenant");
        var stranger = Guid.NewGuid().ToString();
        using var foreign = org.Client(Token(stranger, "oid-tom", ClientId));

        await (await foreign.PostAsync($"invitations/{link}/accept", null)).Problem(HttpStatusCode.Forbidden);
        await (await foreign.GetAsync("me")).Problem(HttpStatusCode.Unauthorized);

        // A token whose issuer names another tenant than its tid claim is refused, whatever the key.
        using var posing = org.Client(Token(tenant, "oid-tom", ClientId, issuerTenant: stranger));
        await (await posing.PostAsync($"invitations/{link}/accept", null)).Problem(HttpStatusCode.Unauthorized);
        using var forged = org.Client(Token(tenant, "oid-tom", ClientId, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "entra-test-key" }));
        await (await forged.PostAsync($"invitations/{link}/accept", null)).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_resent_invitation_replaces_the_earlier_link()
    {
        var (org, tenant) = await OrganizationOnTenantAsync();
        using var admin = org.AsAdmin();
        var (user, first) = await InviteAsync(admin, "rita.resend", "Rita Resend");

        (await admin.PostAsync($"users/{user}/invitation", null)).EnsureSuccessStatusCode();
        var second = LinkIn(
            fixture.MailsTo($"rita.resend-{org.Id}@test.example").Select(m => m.TextBody ?? string.Empty).First(
            b => !b.Contains(first, StringComparison.Ordinal)));
        using var rita = org.Client(Token(tenant, "oid-rita", ClientId));

        await (await rita.PostAsync($"invitations/{first}/accept", null)).Problem(HttpStatusCode.NotFound);
        (await rita.PostAsync($"invitations/{second}/accept", null)).EnsureSuccessStatusCode();
        await (await admin.PostAsync($"users/{user}/invitation", null)).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Correcting_a_pending_users_email_voids_the_link_sent_to_the_old_address_and_invites_the_new_one()
    {
        var (org, tenant) = await OrganizationOnTenantAsync();
        using var admin = org.AsAdmin();
        var (user, mistyped) = await InviteAsync(admin, "mark.mistyped", "Mark Mistyped");
        var corrected = $"mark.corrected-{org.Id}@test.example";

        var read = await admin.GetAsync($"users/{user}");
        var put = new HttpRequestMessage(HttpMethod.Put, $"users/{user}")
        {
            Content = JsonContent.Create(new { email = corrected, displayName = "Mark Corrected", roles = new[] { "SuperAdmin" } }),
        };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        (await admin.SendAsync(put)).EnsureSuccessStatusCode();
        using var stranger = org.Client(Token(tenant, "oid-whoever-got-the-typo", ClientId));
        using var mark = org.Client(Token(tenant, "oid-mark", ClientId));

        await (await stranger.PostAsync($"invitations/{mistyped}/accept", null)).Problem(HttpStatusCode.NotFound);
        var fresh = LinkIn(Assert.Single(fixture.MailsTo(corrected)).TextBody ?? string.Empty);
        (await mark.PostAsync($"invitations/{fresh}/accept", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Disabling_a_pending_user_voids_their_link_and_enabling_sends_a_fresh_one()
    {
        var (org, tenant) = await OrganizationOnTenantAsync();
        using var admin = org.AsAdmin();
        var (user, first) = await InviteAsync(admin, "dora.disabled", "Dora Disabled");

        (await admin.DeleteAsync($"users/{user}")).EnsureSuccessStatusCode();
        (await admin.PostAsync($"users/{user}/enable", null)).EnsureSuccessStatusCode();
        using var dora = org.Client(Token(tenant, "oid-dora", ClientId));

        await (await dora.PostAsync($"invitations/{first}/accept", null)).Problem(HttpStatusCode.NotFound);
        var second = LinkIn(fixture.MailsTo($"dora.disabled-{org.Id}@test.example").Select(m => m.TextBody ?? string.Empty)
            .Single(b => !b.Contains(first, StringComparison.Ordinal)));
        (await dora.PostAsync($"invitations/{second}/accept", null)).EnsureSuccessStatusCode();
    }

    /// <summary>An organization on a tenant of its own, whose admin is bound to an account of it.</summary>
    private async Task<(Org Org, string Tenant)> OrganizationOnTenantAsync()
    {
        var tenant = Guid.NewGuid().ToString();
        var provisioning = host.Services.GetRequiredService<OrganizationProvisioning>();
        var directory = host.Services.GetRequiredService<DirectoryRepository>();
        var (organization, admin) = await provisioning.ProvisionAsync(
            "Entra Org", $"admin-{Guid.NewGuid():N}@test.example", "Ada Admin", certificationsEnabled: true, Ids.New(Ids.Organization), entraTenantId: tenant);
        var account = new SignInIdentity(tenant, "oid-admin-" + organization.Id);
        _ = (await directory.BindIdentityAsync(account, admin)).Value;
        var stored = (await directory.GetUserAsync(organization.Id, admin.Id))!;
        _ = (await directory.UpdateUserAsync(stored.Value, stored.Value with { SignIn = account }, stored.ETag)).Value;
        return (new Org(host.BaseUrl, organization.Id, Token(tenant, account.ObjectId, ClientId)), tenant);
    }

    /// <summary>An organization of this test and how to call the API as its admin or as anyone with a token.</summary>
    private sealed record Org(string BaseUrl, string Id, string AdminToken)
    {
        public HttpClient AsAdmin() => Client(AdminToken);

        public HttpClient Client(string token)
        {
            var client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/api/") };
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return client;
        }
    }

    private async Task<(string UserId, string Link)> InviteAsync(HttpClient admin, string name, string displayName)
    {
        var me = await (await admin.GetAsync("me")).Json();
        var orgId = me["organizationId"]!.GetValue<string>();
        var email = $"{name}-{orgId}@test.example";
        var created = await (await admin.PostAsJsonAsync("users", new { email, displayName, roles = new[] { "Learner" } })).Json();
        Assert.Equal("invited", created["status"]!.GetValue<string>());
        var mail = Assert.Single(fixture.MailsTo(email));
        return (created["id"]!.GetValue<string>(), LinkIn(mail.TextBody ?? string.Empty));
    }

    private static string LinkIn(string body) => InvitationLink().Match(body).Groups[1].Value;

    /// <summary>A v2.0 access token as Entra issues it; name and e-mail claims are there to show they are never used.</summary>
    private static string Token(string tenant, string objectId, string audience, string? issuerTenant = null, SecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{issuerTenant ?? tenant}/v2.0",
            Audience = audience,
            Claims = new Dictionary<string, object>
            {
                ["tid"] = tenant,
                ["oid"] = objectId,
                ["ver"] = "2.0",
                ["name"] = "Any Name",
                ["preferred_username"] = "ada.admin@example.org",
            },
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(key ?? EntraKey, SecurityAlgorithms.RsaSha256),
        });
    }

    [GeneratedRegex(@"/invitations/([A-Za-z0-9_.\-]+)")]
    private static partial Regex InvitationLink();
}
