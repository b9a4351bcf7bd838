using Certifications.DevHost.Functions;
using Certifications.Functions.Hosting;
using Microsoft.DurableTask;

namespace Certifications.DevHost.Durable;

/// <summary>An activity function run by the engine, through the one <see cref="FunctionActivator"/>.</summary>
internal sealed class FunctionActivity(FunctionEntry function, FunctionActivator activator, CancellationToken stopping) : ITaskActivity
{
    public Type InputType { get; } = ((Activity)function.Trigger).InputType;

    public Type OutputType { get; } = FunctionActivator.ResultType(function.Method);

    public Task<object?> RunAsync(TaskActivityContext context, object? input) => activator.InvokeAsync(function, Invocation.Activity(input), stopping);
}
