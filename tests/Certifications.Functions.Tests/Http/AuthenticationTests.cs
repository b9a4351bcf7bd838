using System.Net;
using Certifications.DevHost.Identity;
using Certifications.Functions.Identity;
using Certifications.Functions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Certifications.Functions.Tests.Http;

[Collection(DevHostCollection.Name)]
public sealed class AuthenticationTests(DevHostFixture fixture)
{
    [Fact]
    public async Task A_request_without_a_token_is_401_problem()
    {
        var problem = await (await fixture.Anonymous.GetAsync("certifications")).Problem(HttpStatusCode.Unauthorized);

        Assert.Contains("bearer", problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_malformed_token_is_401()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var client = org.Client("not.a.jwt");

        await (await client.GetAsync("me")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var expired = fixture.Host.Services.GetRequiredService<DevAccounts>().TokenFor(org.Admin, TimeSpan.FromMinutes(-5));
        using var client = org.Client(expired);

        await (await client.GetAsync("me")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var options = Options.Create(new AuthOptions { DevelopmentSigningKey = DevTokens.NewKey() });
        var forged = new DevTokens(options, TimeProvider.System).Issue(org.Admin.SignIn!);
        using var client = org.Client(forged);

        await (await client.GetAsync("me")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_valid_token_of_nobody_we_know_is_401()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var tokens = fixture.Host.Services.GetRequiredService<DevTokens>();
        using var client = org.Client(tokens.Issue(org.Admin.SignIn! with { ObjectId = "usr_00000000000000000000000000" }));

        await (await client.GetAsync("me")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_answers_from_our_tables_not_from_the_token()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var coach = await org.AddUserAsync("Carla Coach", Domain.People.Role.Coach);
        using var client = org.As(coach);

        var me = await (await client.GetAsync("me")).Json();

        Assert.Equal(coach.Id, me["user"]!["id"]!.GetValue<string>());
        Assert.Equal(org.Id, me["organizationId"]!.GetValue<string>());
        Assert.Equal("Coach", me["user"]!["roles"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem() =>
        await (await fixture.Anonymous.GetAsync("no-such-thing")).Problem(HttpStatusCode.NotFound);
}
