using System.Text.Json;
using Certifications.DevHost.Functions;
using Certifications.Functions.Hosting;
using Microsoft.DurableTask;

namespace Certifications.DevHost.Durable;

/// <summary>
/// An orchestrator function run by the engine, through the one <see cref="FunctionActivator"/>. Its input type is not in
/// its signature (it calls GetInput&lt;T&gt;), so the input is kept as JSON and read as whatever it asks for, as the
/// Functions host does.
/// </summary>
internal sealed class FunctionOrchestrator(FunctionEntry function, FunctionActivator activator) : ITaskOrchestrator
{
    public Type InputType => typeof(JsonElement?);

    public Type OutputType { get; } = FunctionActivator.ResultType(function.Method);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        activator.InvokeAsync(function, Invocation.Orchestration(new JsonInputContext(context, input as JsonElement?)), CancellationToken.None);
}
