using System.Reflection;
using Certifications.Functions.Identity;
using Cronos;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.DevHost.Triggers;

/// <summary>Runs the app's [TimerTrigger] functions on their NCRONTAB schedules (six fields, seconds first, UTC) as the Functions host does.</summary>
internal sealed partial class TimerTriggers(IServiceProvider services, TimeProvider clock, ILogger<TimerTriggers> logger) : BackgroundService
{
    /// <summary>Runs one timer function now, as its schedule would (for on-demand runs and tests).</summary>
    public async Task RunAsync(string function, CancellationToken cancellationToken)
    {
        var method = Discover().Single(t => t.Function == function).Method;
        await InvokeAsync(method, cancellationToken).ConfigureAwait(false);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Discover().Select(t => RunScheduleAsync(t, stoppingToken)));

    private async Task RunScheduleAsync(Trigger trigger, CancellationToken stoppingToken)
    {
        if (trigger.RunOnStartup)
        {
            // As the Functions host does: once when the host starts, then on the schedule.
            await Task.Yield();
            try
            {
                await InvokeAsync(trigger.Method, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e, trigger.Function);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            if (trigger.Schedule.GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc) is not { } next)
            {
                return;
            }

            await Task.Delay(next - now.UtcDateTime, clock, stoppingToken).ConfigureAwait(false);
            try
            {
                await InvokeAsync(trigger.Method, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e, trigger.Function);
            }
        }
    }

    private async Task InvokeAsync(MethodInfo method, CancellationToken cancellationToken)
    {
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(TimerInfo) => new TimerInfo(),
            var t when t == typeof(Microsoft.DurableTask.Client.DurableTaskClient) =>
                services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>(),
            var t when t == typeof(CancellationToken) => (object)cancellationToken,
            _ => throw new NotSupportedException($"{method.Name}: the dev host binds a timer's TimerInfo, a DurableTaskClient and a CancellationToken only."),
        }).ToArray();
        if (method.Invoke(instance, arguments) is Task task)
        {
            await task.ConfigureAwait(false);
        }
    }

    private static IEnumerable<Trigger> Discover()
    {
        foreach (var method in EndpointCatalog.FunctionMethods())
        {
            if (method.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).FirstOrDefault(a => a is not null) is { } attribute)
            {
                yield return new Trigger(
                    method.GetCustomAttribute<FunctionAttribute>()!.Name, CronExpression.Parse(attribute.Schedule, CronFormat.IncludeSeconds), method,
                    attribute.RunOnStartup);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private partial void LogFailed(Exception e, string function);

    private sealed record Trigger(string Function, CronExpression Schedule, MethodInfo Method, bool RunOnStartup);
}
