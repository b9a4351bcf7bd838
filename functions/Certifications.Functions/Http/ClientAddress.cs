using System.Net;
using Microsoft.AspNetCore.Http;

namespace Certifications.Functions.Http;

/// <summary>
/// Who a request comes from, as a key for per-client limits: the address the platform reports, without its port, and an
/// IPv6 address by its /64 (one subscriber's whole network), so a client cannot become many by varying what it sends.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpRequest request, bool trustForwardedFor)
    {
        var address = trustForwardedFor ? LastForwardedHop(request) : null;
        return Key(address ?? request.HttpContext.Connection.RemoteIpAddress);
    }

    /// <summary>The hop the front end appended (the last one); earlier hops are whatever the client wrote.</summary>
    private static IPAddress? LastForwardedHop(HttpRequest request)
    {
        var header = request.Headers["X-Forwarded-For"].ToString();
        var hop = header[(header.LastIndexOf(',') + 1)..].Trim();
        if (IPAddress.TryParse(hop, out var bare))
        {
            return bare;
        }

        // Azure's front ends write "address:port" ("[v6]:port" for IPv6).
        return IPEndPoint.TryParse(hop, out var endpoint) ? endpoint.Address : null;
    }

    private static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes) + "/64";
    }
}
