using System.Reflection;
using Certifications.Functions.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.DevHost.Triggers;

/// <summary>
/// Serves the function app's HTTP triggers as ASP.NET Core endpoints: the route and verbs come from each
/// [HttpTrigger] attribute, under the same "api/" prefix as in Azure, behind the same <see cref="EndpointGate"/>.
/// </summary>
public static class HttpTriggers
{
    public static IReadOnlyList<string> Map(WebApplication app)
    {
        var mapped = new List<string>();
        foreach (var method in EndpointCatalog.FunctionMethods())
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (trigger is null)
            {
                continue;
            }

            var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
            var route = "api/" + (trigger.Route ?? name);
            var verbs = (trigger.Methods ?? ["get", "post", "put", "delete", "patch"]).Select(v => v.ToUpperInvariant()).ToArray();
            var invoke = FunctionInvoker.For(method);
            var traits = EndpointCatalog.Traits(method);
            app.MapMethods(route, verbs, async context =>
            {
                var gate = context.RequestServices.GetRequiredService<EndpointGate>();
                var result = await gate.CheckAsync(context, traits).ConfigureAwait(false) ?? await invoke(context).ConfigureAwait(false);
                await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
            }).WithName(name);
            mapped.Add($"{string.Join(",", verbs)} /{route}");
        }

        return mapped;
    }
}
