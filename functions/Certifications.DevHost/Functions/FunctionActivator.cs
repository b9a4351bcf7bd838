using System.Collections.Frozen;
using System.Reflection;
using Certifications.Functions.Hosting;

namespace Certifications.DevHost.Functions;

/// <summary>
/// Runs any function of the catalog as the Functions host does: a new instance of its class per call, in the call's own
/// DI scope (an HTTP request's, or one opened for the call), with its parameters bound by <see cref="FunctionBindings"/>.
/// Every function is bound when the activator is built, so the dev host refuses at start-up what it could not run.
/// </summary>
internal sealed class FunctionActivator
{
    private readonly IServiceProvider services;
    private readonly FrozenDictionary<string, Bound> functions;

    public FunctionActivator(IServiceProvider services, FunctionCatalog catalog)
    {
        this.services = services;
        functions = catalog.Functions.ToFrozenDictionary(
            f => f.Name,
            f => new Bound(
                f.Method.IsStatic ? null : ActivatorUtilities.CreateFactory(f.Method.DeclaringType!, Type.EmptyTypes), FunctionBindings.For(f)),
            StringComparer.Ordinal);
    }

    /// <summary>Runs the function and hands back what it returned (awaited; null for a plain Task).</summary>
    public async Task<object?> InvokeAsync(FunctionEntry function, Invocation invocation, CancellationToken cancellationToken)
    {
        var bound = functions[function.Name];
        if (function.Trigger is Orchestration)
        {
            // A replay runs on the engine's own scheduler and must finish there; orchestrators bind no services.
            return await ResultAsync(bound.Call(function, null, invocation, services, cancellationToken)).ConfigureAwait(true);
        }

        if (invocation.Services is { } scoped)
        {
            return await ResultAsync(bound.Call(function, bound.Create?.Invoke(scoped, null), invocation, scoped, cancellationToken)).ConfigureAwait(false);
        }

        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var instance = bound.Create?.Invoke(scope.ServiceProvider, null);
            return await ResultAsync(bound.Call(function, instance, invocation, scope.ServiceProvider, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>The T of Task&lt;T&gt; a function returns (the type itself when it returns no task; object for a plain Task).</summary>
    public static Type ResultType(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) ? method.ReturnType.GetGenericArguments()[0]
        : method.ReturnType == typeof(Task) || method.ReturnType == typeof(void) ? typeof(object)
        : method.ReturnType;

    /// <summary>
    /// Awaits whatever the method returned and hands back its result. The continuation stays on the caller's context: an
    /// orchestrator's turn must end on the engine's scheduler, which then decides whether the orchestration finished.
    /// </summary>
    private static async Task<object?> ResultAsync(object? returned)
    {
        if (returned is not Task task)
        {
            return returned;
        }

        await task.ConfigureAwait(true);
        var type = task.GetType();
        return type.IsGenericType ? type.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
    }

    /// <summary>A function made ready to call: how to make its class, how to bind each parameter.</summary>
    private sealed record Bound(ObjectFactory? Create, ParameterBinder[] Binders)
    {
        public object? Call(FunctionEntry function, object? instance, Invocation invocation, IServiceProvider provider, CancellationToken cancellationToken) =>
            function.Method.Invoke(
                instance, BindingFlags.DoNotWrapExceptions, binder: null, [.. Binders.Select(bind => bind(invocation, provider, cancellationToken))],
                culture: null);
    }
}
