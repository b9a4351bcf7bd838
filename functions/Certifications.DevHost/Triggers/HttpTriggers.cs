using Certifications.DevHost.Functions;
using Certifications.Functions.Hosting;
using Certifications.Functions.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Certifications.DevHost.Triggers;

/// <summary>
/// Serves the catalog's HTTP functions as ASP.NET Core endpoints, under the same "api/" prefix as in Azure, behind the
/// same <see cref="EndpointGate"/>, each request run by the <see cref="FunctionActivator"/> in the request's scope.
/// </summary>
public static class HttpTriggers
{
    public static IReadOnlyList<string> Map(WebApplication app)
    {
        // Built here, before the host starts: a function the dev host could not bind stops it now, by name.
        var activator = app.Services.GetRequiredService<FunctionActivator>();
        var mapped = new List<string>();
        foreach (var (function, http) in app.Services.GetRequiredService<FunctionCatalog>().With<HttpRoute>())
        {
            var route = "api/" + http.Route;
            app.MapMethods(route, http.Verbs, async context =>
            {
                var gate = context.RequestServices.GetRequiredService<EndpointGate>();
                var result = await gate.CheckAsync(context, function.Traits).ConfigureAwait(false)
                    ?? (IActionResult)(await activator.InvokeAsync(function, Invocation.Http(context), context.RequestAborted).ConfigureAwait(false))!;
                await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
            }).WithName(function.Name);
            mapped.Add($"{string.Join(",", http.Verbs)} /{route}");
        }

        return mapped;
    }
}
