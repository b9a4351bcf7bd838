using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Certifications.DevHost.Durable;

/// <summary>An activity function run by the engine: a new instance of its class per call, in a DI scope, as the Functions host does.</summary>
internal sealed class FunctionActivity : ITaskActivity
{
    private readonly MethodInfo method;
    private readonly IServiceProvider services;
    private readonly ObjectFactory? factory;
    private readonly Func<object?, object?[]> bind;

    public FunctionActivity(MethodInfo method, IServiceProvider services, CancellationToken stopping)
    {
        this.method = method;
        this.services = services;
        factory = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
        var parameters = method.GetParameters();
        InputType = parameters.FirstOrDefault(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null)?.ParameterType ?? typeof(object);
        var binders = parameters.Select(p =>
            p.GetCustomAttribute<ActivityTriggerAttribute>() is not null ? (Func<object?, object?>)(input => input)
            : p.ParameterType == typeof(CancellationToken) ? _ => stopping
            : throw DurableFunctionCatalog.Unbindable(method, p)).ToArray();
        bind = input => [.. binders.Select(b => b(input))];
        OutputType = DurableFunctionCatalog.ResultType(method);
    }

    public Type InputType { get; }

    public Type OutputType { get; }

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = services.CreateAsyncScope();
        var instance = factory?.Invoke(scope.ServiceProvider, null);
        return await DurableFunctionCatalog.AwaitResultAsync(method.Invoke(instance, bind(input))).ConfigureAwait(false);
    }
}
