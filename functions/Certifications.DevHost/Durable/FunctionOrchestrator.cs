using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Certifications.DevHost.Durable;

/// <summary>
/// An orchestrator function run by the engine. Its input type is not in its signature (it calls GetInput&lt;T&gt;), so the
/// input is kept as JSON and deserialized to whatever the orchestrator asks for, as the Functions host does.
/// </summary>
internal sealed class FunctionOrchestrator : ITaskOrchestrator
{
    private readonly MethodInfo method;

    public FunctionOrchestrator(MethodInfo method)
    {
        this.method = method;
        if (!method.IsStatic || method.GetParameters() is not [{ } only] || only.GetCustomAttribute<OrchestrationTriggerAttribute>() is null)
        {
            throw new NotSupportedException(
                $"{method.DeclaringType!.Name}.{method.Name}: orchestrators are static and take only their TaskOrchestrationContext.");
        }

        OutputType = DurableFunctionCatalog.ResultType(method);
    }

    public Type InputType => typeof(JsonElement?);

    public Type OutputType { get; }

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        DurableFunctionCatalog.AwaitResultAsync(method.Invoke(null, [new JsonInputContext(context, input as JsonElement?)]));
}
