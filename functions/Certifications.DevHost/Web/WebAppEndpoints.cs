using Certifications.Domain.Common;
using Certifications.Functions.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Certifications.DevHost.Web;

/// <summary>
/// Serves the built web app (web/dist) beside /api, as the Static Web App does in Azure: hashed assets cached for good,
/// index.html for every deep link with its Content-Security-Policy, /config.json saying "dev sign-in", and the dev sign-in accounts.
/// </summary>
public static class WebAppEndpoints
{
    public static void Map(WebApplication app, string distFolder)
    {
        app.MapGet("/config.json", () => Results.Json(new { signIn = "dev", apiBaseUrl = "/api" }, ApiJson.Options));
        app.MapGet(
            "/dev/sign-in", (DevSignIn signIn) => Results.Json(new { accounts = signIn.Accounts(), newAccounts = signIn.NewAccounts() }, ApiJson.Options));

        if (!Directory.Exists(distFolder))
        {
            app.MapFallback(NotFound);
            return;
        }

        var files = new PhysicalFileProvider(distFolder);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // As staticwebapp.config.json has it: only the hashed assets are kept for good; pages are asked for again on
                // each load, so a deploy is seen at once.
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        RequestDelegate page = async context =>
        {
            if (context.Request.Path.StartsWithSegments("/api") || !HttpMethods.IsGet(context.Request.Method))
            {
                await NotFound(context).ConfigureAwait(false);
                return;
            }

            var response = context.Response;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            response.Headers[HeaderNames.ContentSecurityPolicy] = WebAppPolicy.Value;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            await response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted).ConfigureAwait(false);
        };
        app.MapFallback(page);

        // The fallback leaves paths that look like files to the static files; an invitation's token has dots but is a page.
        app.MapGet("/invitations/{token}", page);
    }

    public static Task NotFound(HttpContext context) =>
        Problems.For(Error.NotFound($"The route {context.Request.Method} {context.Request.Path}"))
            .ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext { HttpContext = context });
}
