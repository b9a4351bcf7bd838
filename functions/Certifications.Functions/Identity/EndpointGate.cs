using Certifications.Domain.Common;
using Certifications.Domain.People;
using Certifications.Domain.Policies;
using Certifications.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace Certifications.Functions.Identity;

/// <summary>
/// The check every HTTP request passes before its function runs, shared by the Functions middleware and the dev
/// host: a valid bearer token of a user we know, and the add-on switched on where the feature needs it.
/// </summary>
public sealed class EndpointGate(TokenValidator tokens, CallerLookup callers)
{
    private const string CallerKey = "Certifications.Caller";
    private const string IdentityKey = "Certifications.SignIn";

    /// <summary>Null when the request may go on; otherwise the problem to answer with.</summary>
    public async Task<ApiResult?> CheckAsync(HttpContext context, EndpointTraits traits)
    {
        if (traits.IsPublic)
        {
            return null;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthenticated(context, "Send a bearer token: Authorization: Bearer <token>.");
        }

        var identity = await tokens.ValidateAsync(header["Bearer ".Length..].Trim()).ConfigureAwait(false);
        if (identity is null)
        {
            return Unauthenticated(context, "The bearer token is malformed, expired, or not signed by a trusted issuer.");
        }

        if (traits.SignsIn)
        {
            context.Items[IdentityKey] = identity;
            return null;
        }

        var (caller, refusal) = await callers.FindAsync(identity, context.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            return Unauthenticated(context, refusal!);
        }

        if (traits.RequiresAddOn && !caller.Organization.CertificationsEnabled)
        {
            return Problems.For(Error.AddOnDisabled());
        }

        context.Items[CallerKey] = caller;
        return null;
    }

    /// <summary>The caller the gate let through; only called from functions that are not public.</summary>
    public static Caller CallerOf(HttpRequest request) =>
        request.HttpContext.Items[CallerKey] as Caller ?? throw new InvalidOperationException("No caller: the endpoint gate did not run for this request.");

    /// <summary>The validated sign-in of a request to an endpoint that binds it (the invitation), which has no caller yet.</summary>
    public static SignInIdentity IdentityOf(HttpRequest request) =>
        request.HttpContext.Items[IdentityKey] as SignInIdentity
            ?? throw new InvalidOperationException("No sign-in: the endpoint gate did not run for this request.");

    private static ApiResult Unauthenticated(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.For(new Error(ErrorKind.Unauthorized, "Unauthenticated", detail));
    }
}
