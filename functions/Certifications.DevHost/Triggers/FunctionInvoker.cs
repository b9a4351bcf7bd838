using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace Certifications.DevHost.Triggers;

/// <summary>
/// Calls one HTTP function method: a new instance of its class per invocation (as the Functions host does), with the
/// request, route values and cancellation token bound by parameter. Anything else is refused at start-up, so a function
/// that would need the real host's FunctionContext is found at once rather than at the first request.
/// </summary>
internal static class FunctionInvoker
{
    public static Func<HttpContext, Task<IActionResult>> For(MethodInfo method)
    {
        var factory = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
        var binders = method.GetParameters().Select(Binder).ToArray();
        if (method.ReturnType != typeof(Task<IActionResult>) && method.ReturnType != typeof(IActionResult))
        {
            throw new NotSupportedException($"{method.DeclaringType!.Name}.{method.Name}: HTTP functions return IActionResult or Task<IActionResult>.");
        }

        return async context =>
        {
            var instance = factory?.Invoke(context.RequestServices, null);
            var arguments = binders.Select(bind => bind(context)).ToArray();
            return method.Invoke(instance, arguments) switch
            {
                Task<IActionResult> pending => await pending.ConfigureAwait(false),
                IActionResult done => done,
                _ => throw new InvalidOperationException($"{method.Name} returned nothing."),
            };
        };
    }

    private static Func<HttpContext, object?> Binder(ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context => context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(DurableTaskClient))
        {
            return context => context.RequestServices.GetRequiredService<DurableTaskClient>();
        }

        if (parameter.ParameterType == typeof(string))
        {
            var name = parameter.Name!;
            return context => context.GetRouteValue(name)?.ToString();
        }

        throw new NotSupportedException(
            $"{parameter.Member.DeclaringType!.Name}.{parameter.Member.Name}: parameter '{parameter.Name}' of type {parameter.ParameterType.Name} " +
            "cannot be bound by the dev host; take services through the constructor.");
    }
}
