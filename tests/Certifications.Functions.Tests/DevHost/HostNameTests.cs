using System.Globalization;
using System.Net;
using Certifications.Functions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    [Fact]
    public async Task On_another_port_the_links_it_sends_lead_back_to_that_port()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await using var other = await fixture.StartHostAsync(
            new Dictionary<string, string?> { ["DevHost:Port"] = port.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal($"http://localhost:{port}", other.Services.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl);
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
