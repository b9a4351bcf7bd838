using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.DevHost.Durable;

/// <summary>The orchestrator and activity functions of the app, found by their trigger attributes as the Functions host finds them.</summary>
internal sealed class DurableFunctionCatalog
{
    public DurableFunctionCatalog(Assembly functions)
    {
        var methods = functions.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Name: m.GetCustomAttribute<FunctionAttribute>()?.Name))
            .Where(f => f.Name is not null)
            .ToArray();
        Orchestrators = [.. methods.Where(f => HasTrigger<OrchestrationTriggerAttribute>(f.Method)).Select(f => (f.Name!, f.Method))];
        Activities = [.. methods.Where(f => HasTrigger<ActivityTriggerAttribute>(f.Method)).Select(f => (f.Name!, f.Method))];
    }

    public IReadOnlyList<(string Name, MethodInfo Method)> Orchestrators { get; }

    public IReadOnlyList<(string Name, MethodInfo Method)> Activities { get; }

    private static bool HasTrigger<T>(MethodInfo method)
        where T : Attribute => method.GetParameters().Any(p => p.GetCustomAttribute<T>() is not null);

    /// <summary>The T of Task&lt;T&gt; (or the type itself; object for a plain Task).</summary>
    public static Type ResultType(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) ? method.ReturnType.GetGenericArguments()[0]
        : method.ReturnType == typeof(Task) || method.ReturnType == typeof(void) ? typeof(object)
        : method.ReturnType;

    /// <summary>
    /// Awaits whatever the method returned and hands back its result. The continuation must stay on the caller's
    /// context: an orchestrator runs on the engine's own scheduler, which decides after each turn whether the
    /// orchestration finished; a continuation on the thread pool would finish it behind the engine's back.
    /// </summary>
    public static async Task<object?> AwaitResultAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task.ConfigureAwait(true);
                var type = task.GetType();
                return type.IsGenericType ? type.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            default:
                return returned;
        }
    }

    /// <summary>Functions whose parameters the dev host cannot bind are refused at start-up, not at first use.</summary>
    public static NotSupportedException Unbindable(MethodInfo method, ParameterInfo parameter) =>
        new($"{method.DeclaringType!.Name}.{method.Name}: parameter '{parameter.Name}' of type {parameter.ParameterType.Name} "
            + "cannot be bound by the dev host; take services through the constructor.");
}
