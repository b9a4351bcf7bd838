using System.Net;
using System.Net.Http.Json;
using Certifications.DevHost.Identity;
using Certifications.Functions.Organizations;
using Certifications.Functions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Certifications.Functions.Tests.Http;

[Collection(DevHostCollection.Name)]
public sealed class OrganizationSettingsTests(DevHostFixture fixture)
{
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task The_webhook_secret_is_write_only()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        (await admin.PutAsJsonAsync("org/settings", new { name = "Renamed", webhookSecret = Secret })).EnsureSuccessStatusCode();
        var response = await admin.GetAsync("org/settings");
        var raw = await response.Content.ReadAsStringAsync();
        var settings = await response.Json();

        Assert.Equal("Renamed", settings["name"]!.GetValue<string>());
        Assert.True(settings["webhookSecretSet"]!.GetValue<bool>());
        Assert.DoesNotContain(Secret[6..^4], raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learners_cannot_read_the_settings()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var learner = org.As(await org.AddUserAsync("Lena Learner"));

        await (await learner.GetAsync("org/settings")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        var stale = (await admin.GetAsync("org/settings")).Headers.ETag!.Tag;
        (await admin.PutAsJsonAsync("org/settings", new { name = "First" })).EnsureSuccessStatusCode();

        using var request = new HttpRequestMessage(HttpMethod.Put, "org/settings") { Content = JsonContent.Create(new { name = "Second" }) };
        request.Headers.TryAddWithoutValidation("If-Match", stale);
        await (await admin.SendAsync(request)).Problem(HttpStatusCode.PreconditionFailed);

        Assert.Equal("First", (await (await admin.GetAsync("org/settings")).Json())["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_secret_is_400_and_keeps_the_old_one()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        (await admin.PutAsJsonAsync("org/settings", new { name = "N", webhookSecret = Secret })).EnsureSuccessStatusCode();

        var problem = await (await admin.PutAsJsonAsync("org/settings", new { name = "Changed", webhookSecret = "hunter2" })).Problem(
            HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["webhookSecret"]);
        var settings = await (await admin.GetAsync("org/settings")).Json();
        Assert.Equal("N", settings["name"]!.GetValue<string>());
        Assert.True(settings["webhookSecretSet"]!.GetValue<bool>());
    }

    [Fact]
    public async Task While_the_add_on_is_off_certification_routes_are_403_and_settings_stay_reachable()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host, certificationsEnabled: false);
        using var admin = org.AsAdmin();

        var problem = await (await admin.GetAsync("certifications")).Problem(HttpStatusCode.Forbidden);
        Assert.EndsWith("add-on-disabled", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await admin.GetAsync("me/assignments")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("org/settings")).StatusCode);

        (await admin.PutAsJsonAsync("org/settings", new { name = "On", addOns = new { certifications = true } })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("certifications")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_can_be_named_only_by_an_admin_signed_in_from_it()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        var problem = await (await admin.PutAsJsonAsync("org/settings", new { entraTenantId = Guid.NewGuid().ToString() }))
            .Problem(HttpStatusCode.Forbidden);

        Assert.Contains("signed in with an account of that tenant", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(DevAccounts.TenantOf(org.Id), (await (await admin.GetAsync("org/settings")).Json())["entraTenantId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tenant_belongs_to_one_organization()
    {
        var first = await TestOrganization.CreateAsync(fixture.Host);
        var provisioning = fixture.Host.Services.GetRequiredService<OrganizationProvisioning>();

        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => provisioning.ProvisionAsync(
            "Second", $"admin-{Guid.NewGuid():N}@test.example", "Sam Second", certificationsEnabled: true, entraTenantId: DevAccounts.TenantOf(first.Id)));

        Assert.Contains("belongs to another organization", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tenant_cannot_be_removed_as_nobody_could_sign_in_after()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        var problem = await (await admin.PutAsJsonAsync("org/settings", new { entraTenantId = string.Empty })).Problem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["entraTenantId"]);
        (await admin.GetAsync("org/settings")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_previous_secret_can_be_revoked_at_once_and_the_settings_say_until_when_it_works()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        var next = "whsec_" + Convert.ToBase64String(Enumerable.Range(40, 32).Select(i => (byte)i).ToArray());
        (await admin.PutAsJsonAsync("org/settings", new { webhookSecret = Secret })).EnsureSuccessStatusCode();

        var replaced = await (await admin.PutAsJsonAsync("org/settings", new { webhookSecret = next })).Json();
        var revoked = await (await admin.PutAsJsonAsync("org/settings", new { revokePreviousWebhookSecret = true })).Json();

        var until = replaced["previousWebhookSecretWorksUntil"]!.GetValue<DateTimeOffset>();
        Assert.InRange(until, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
        Assert.Null(revoked["previousWebhookSecretWorksUntil"]);
        Assert.True(revoked["webhookSecretSet"]!.GetValue<bool>());
    }
}
