using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Certifications.DevHost.Functions;

/// <summary>
/// What one invocation hands a function: its trigger's input, the values its route or blob path names, and the services
/// of a scope the caller already has (an HTTP request's); without one, the activator opens a scope for the call.
/// </summary>
internal sealed record Invocation(object? TriggerInput, IReadOnlyDictionary<string, string> Values, IServiceProvider? Services = null)
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    public static Invocation Http(HttpContext context) => new(
        context.Request,
        context.GetRouteData().Values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.ToString()!, StringComparer.OrdinalIgnoreCase),
        context.RequestServices);

    /// <summary>A blob of a container watched as "container/{placeholder}": the placeholder is the blob's name.</summary>
    public static Invocation Blob(Stream content, string placeholder, string blobName) =>
        new(content, new Dictionary<string, string> { [placeholder] = blobName });

    public static Invocation Timer() => new(new TimerInfo(), NoValues);

    public static Invocation Activity(object? input) => new(input, NoValues);

    public static Invocation Orchestration(TaskOrchestrationContext context) => new(context, NoValues);
}
