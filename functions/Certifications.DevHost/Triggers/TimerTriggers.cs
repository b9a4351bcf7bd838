using Certifications.DevHost.Functions;
using Certifications.Functions.Hosting;
using Cronos;

namespace Certifications.DevHost.Triggers;

/// <summary>Runs the app's [TimerTrigger] functions on their NCRONTAB schedules (six fields, seconds first, UTC) as the Functions host does.</summary>
internal sealed partial class TimerTriggers(FunctionCatalog catalog, FunctionActivator activator, TimeProvider clock, ILogger<TimerTriggers> logger)
    : BackgroundService
{
    /// <summary>Runs one timer function now, as its schedule would (for on-demand runs and tests).</summary>
    public async Task RunAsync(string function, CancellationToken cancellationToken)
    {
        var trigger = Discover().Single(t => t.Function.Name == function);
        await InvokeAsync(trigger.Function, cancellationToken).ConfigureAwait(false);
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
                await InvokeAsync(trigger.Function, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e, trigger.Function.Name);
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
                await InvokeAsync(trigger.Function, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e, trigger.Function.Name);
            }
        }
    }

    private Task InvokeAsync(FunctionEntry function, CancellationToken cancellationToken) =>
        activator.InvokeAsync(function, Invocation.Timer(), cancellationToken);

    private IEnumerable<Trigger> Discover() =>
        catalog.With<TimerSchedule>().Select(
            t => new Trigger(t.Function, CronExpression.Parse(t.Trigger.Schedule, CronFormat.IncludeSeconds), t.Trigger.RunOnStartup));

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private partial void LogFailed(Exception e, string function);

    private sealed record Trigger(FunctionEntry Function, CronExpression Schedule, bool RunOnStartup);
}
