using Certifications.Functions.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Certifications.Functions.Identity;

/// <summary>Runs the <see cref="EndpointGate"/> in front of every HTTP function under the Azure Functions host.</summary>
public sealed class GateMiddleware(EndpointGate gate, FunctionCatalog catalog) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is not null)
        {
            var problem = await gate.CheckAsync(http, catalog.TraitsOf(context.FunctionDefinition.Name)).ConfigureAwait(false);
            if (problem is not null)
            {
                await problem.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }
}
