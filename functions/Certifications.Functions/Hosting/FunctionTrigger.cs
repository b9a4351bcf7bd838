namespace Certifications.Functions.Hosting;

/// <summary>What starts a function, as its trigger attribute declares it.</summary>
public abstract record FunctionTrigger;

/// <summary>An HTTP function: its route under /api and its verbs, upper case.</summary>
public sealed record HttpRoute(string Route, IReadOnlyList<string> Verbs) : FunctionTrigger
{
    /// <summary>The names of the route's {placeholders}, which bind string parameters of the same name.</summary>
    public IReadOnlyList<string> Placeholders { get; } = RoutePlaceholders.In(Route);
}

/// <summary>A blob function: the path pattern it watches, the container that pattern names, and where its events come from.</summary>
public sealed record BlobPath(string Path, string Container, string Source) : FunctionTrigger
{
    /// <summary>The names of the path's {placeholders}, which bind string parameters of the same name.</summary>
    public IReadOnlyList<string> Placeholders { get; } = RoutePlaceholders.In(Path);
}

/// <summary>A timer function: its NCRONTAB schedule (six fields, seconds first, UTC).</summary>
public sealed record TimerSchedule(string Schedule, bool RunOnStartup) : FunctionTrigger;

/// <summary>A Durable orchestrator.</summary>
public sealed record Orchestration : FunctionTrigger;

/// <summary>A Durable activity, and the type of its input.</summary>
public sealed record Activity(Type InputType) : FunctionTrigger;

/// <summary>The {names} in a route template or blob path.</summary>
internal static class RoutePlaceholders
{
    public static IReadOnlyList<string> In(string template) =>
        [.. template.Split('{').Skip(1).Select(part => part[..part.IndexOf('}', StringComparison.Ordinal)].Split(':', '=', '?')[0].TrimStart('*'))];
}
