using System.Net;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.DevHost;

/// <summary>The dev host hands out demo tokens, so it answers only its loopback names: a rebinding page gets nothing.</summary>
[Collection(DevHostCollection.Name)]
public sealed class HostNameTests(DevHostFixture fixture)
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task The_loopback_names_are_answered(string host) =>
        Assert.Equal(HttpStatusCode.OK, (await SignInPageAsync($"{host}:{new Uri(fixture.Host.BaseUrl).Port}")).StatusCode);

    [Theory]
    [InlineData("rebind.evil.example")]
    [InlineData("localhost.evil.example")]
    public async Task Any_other_host_name_gets_no_token(string host)
    {
        var answer = await SignInPageAsync(host);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.DoesNotContain("token", await answer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The dev sign-in page (the demo users and their tokens) asked for under another Host header.</summary>
    private async Task<HttpResponseMessage> SignInPageAsync(string host)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Host.BaseUrl + "/dev/sign-in");
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }
}
