using System.Collections.Frozen;
using System.Reflection;
using Certifications.Functions.Identity;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Certifications.Functions.Hosting;

/// <summary>One function of the app: its name, its method, what triggers it, and what the endpoint gate checks before it.</summary>
public sealed record FunctionEntry(string Name, MethodInfo Method, FunctionTrigger Trigger, EndpointTraits Traits)
{
    public override string ToString() => $"{Method.DeclaringType!.Name}.{Method.Name} ({Name})";
}

/// <summary>
/// Every function of the app, read once from its attributes. The dev host's runners, the endpoint gate and the OpenAPI
/// document all read this one list; the Functions SDK writes the same facts to functions.metadata at build time, and a
/// test holds the two together.
/// </summary>
public sealed class FunctionCatalog
{
    private static readonly string[] AllVerbs = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    private readonly FrozenDictionary<string, FunctionEntry> byName;

    private FunctionCatalog(IEnumerable<FunctionEntry> functions)
    {
        Functions = [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
        byName = Functions.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The function app's own functions.</summary>
    public static FunctionCatalog App { get; } = Of(typeof(FunctionCatalog).Assembly);

    public IReadOnlyList<FunctionEntry> Functions { get; }

    /// <summary>The functions started by one kind of trigger, with that trigger.</summary>
    public IEnumerable<(FunctionEntry Function, T Trigger)> With<T>()
        where T : FunctionTrigger =>
        Functions.Where(f => f.Trigger is T).Select(f => (f, (T)f.Trigger));

    /// <summary>What the gate checks for a function; an unknown name is treated as the strictest kind.</summary>
    public EndpointTraits TraitsOf(string functionName) =>
        byName.TryGetValue(functionName, out var function) ? function.Traits : new EndpointTraits(IsPublic: false, RequiresAddOn: true);

    /// <summary>The catalog of an assembly's functions; a method with no trigger the catalog knows is an error, named.</summary>
    public static FunctionCatalog Of(Assembly assembly) => Of(assembly.GetTypes());

    /// <summary>The catalog of the functions these classes declare.</summary>
    public static FunctionCatalog Of(params Type[] types) => new(
        types
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => new FunctionEntry(m.GetCustomAttribute<FunctionAttribute>()!.Name, m, TriggerOf(m), TraitsOf(m))));

    private static FunctionTrigger TriggerOf(MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            switch (parameter.GetCustomAttribute<TriggerBindingAttribute>(inherit: true))
            {
                case HttpTriggerAttribute http:
                    return new HttpRoute(
                        http.Route ?? method.GetCustomAttribute<FunctionAttribute>()!.Name,
                        [.. (http.Methods ?? AllVerbs).Select(v => v.ToUpperInvariant())]);
                case BlobTriggerAttribute blob:
                    return new BlobPath(blob.BlobPath, blob.BlobPath.Split('/')[0], blob.Source.ToString());
                case TimerTriggerAttribute timer:
                    return new TimerSchedule(timer.Schedule, timer.RunOnStartup);
                case OrchestrationTriggerAttribute:
                    return new Orchestration();
                case ActivityTriggerAttribute:
                    return new Activity(parameter.ParameterType);
            }
        }

        throw new NotSupportedException($"{method.DeclaringType!.Name}.{method.Name}: a function with a trigger the app does not use.");
    }

    private static EndpointTraits TraitsOf(MethodInfo method) => new(
        method.GetCustomAttribute<PublicEndpointAttribute>() is not null,
        method.DeclaringType!.GetCustomAttribute<RequiresCertificationsAddOnAttribute>() is not null,
        method.GetCustomAttribute<SignInEndpointAttribute>() is not null);
}
