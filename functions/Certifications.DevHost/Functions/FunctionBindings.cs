using System.Reflection;
using Certifications.Functions.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Certifications.DevHost.Functions;

/// <summary>Gives one parameter its value for one call, from the invocation, the call's services and its cancellation.</summary>
internal delegate object? ParameterBinder(Invocation invocation, IServiceProvider services, CancellationToken cancellationToken);

/// <summary>
/// The one table of what the dev host binds, by trigger and parameter. A function it cannot run as the Functions host
/// would is refused when the dev host starts, naming the function and the parameter, never at its first call.
/// </summary>
internal static class FunctionBindings
{
    public static ParameterBinder[] For(FunctionEntry function)
    {
        CheckShape(function);
        var values = function.Trigger switch
        {
            HttpRoute http => http.Placeholders,
            BlobPath blob => blob.Placeholders,
            _ => [],
        };
        return [.. function.Method.GetParameters().Select(p => Binder(function, p, values))];
    }

    private static ParameterBinder Binder(FunctionEntry function, ParameterInfo parameter, IReadOnlyList<string> values)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<TriggerBindingAttribute>(inherit: true) is { } trigger)
        {
            var accepted = trigger switch
            {
                HttpTriggerAttribute => type == typeof(HttpRequest),
                BlobTriggerAttribute => type == typeof(Stream),
                TimerTriggerAttribute => type == typeof(TimerInfo),
                OrchestrationTriggerAttribute => type == typeof(TaskOrchestrationContext),
                ActivityTriggerAttribute => true,
                _ => false,
            };
            return accepted ? (invocation, _, _) => invocation.TriggerInput : throw Unbindable(function, parameter, "this trigger's type");
        }

        if (type == typeof(DurableTaskClient) && parameter.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            return (_, services, _) => services.GetRequiredService<DurableTaskClient>();
        }

        if (type == typeof(CancellationToken))
        {
            return (_, _, cancellationToken) => cancellationToken;
        }

        if (type == typeof(string) && values.Contains(parameter.Name!, StringComparer.OrdinalIgnoreCase))
        {
            var name = parameter.Name!;
            return (invocation, _, _) => invocation.Values.GetValueOrDefault(name);
        }

        throw Unbindable(function, parameter, "services, which come through the constructor");
    }

    /// <summary>What each kind of function must look like for the dev host to run it as the Functions host does.</summary>
    private static void CheckShape(FunctionEntry function)
    {
        var method = function.Method;
        switch (function.Trigger)
        {
            case HttpRoute when method.ReturnType != typeof(Task<IActionResult>) && method.ReturnType != typeof(IActionResult):
                throw new NotSupportedException($"{function}: HTTP functions return IActionResult or Task<IActionResult>.");
            case Orchestration when !method.IsStatic || method.GetParameters().Length != 1:
                throw new NotSupportedException($"{function}: orchestrators are static and take only their TaskOrchestrationContext.");
            case BlobPath blob when blob.Placeholders.Count != 1 || blob.Path != $"{blob.Container}/{{{blob.Placeholders[0]}}}":
                throw new NotSupportedException($"{function}: the dev host watches blob paths of the form container/{{name}}, not '{blob.Path}'.");
        }
    }

    private static NotSupportedException Unbindable(FunctionEntry function, ParameterInfo parameter, string what) =>
        new($"{function}: parameter '{parameter.Name}' of type {parameter.ParameterType.Name} cannot be bound by the dev host (it binds no {what}).");
}
