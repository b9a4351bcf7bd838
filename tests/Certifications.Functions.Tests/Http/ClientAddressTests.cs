using System.Net;
using Certifications.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace Certifications.Functions.Tests.Http;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("203.0.113.7:51234", "203.0.113.7")]
    [InlineData("spoofed, 198.51.100.1, 203.0.113.7:443", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("[2001:db8:1:2:ffff::1]:443", "2001:db8:1:2::/64")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("not an address", "192.0.2.50")]
    public void Behind_the_front_end_the_last_hop_names_the_client_without_its_port_and_ipv6_by_its_64(string forwarded, string key) =>
        Assert.Equal(key, ClientAddress.Of(Request(forwarded), trustForwardedFor: true));

    [Fact]
    public void Without_a_front_end_the_header_is_ignored() =>
        Assert.Equal("192.0.2.50", ClientAddress.Of(Request("203.0.113.7"), trustForwardedFor: false));

    private static HttpRequest Request(string forwarded)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.50");
        context.Request.Headers["X-Forwarded-For"] = forwarded;
        return context.Request;
    }
}
