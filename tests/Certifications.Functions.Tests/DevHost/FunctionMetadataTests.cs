using System.Reflection;
using System.Text.Json.Nodes;
using Certifications.Functions.Identity;
using Certifications.Functions.Tests.Fixtures;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.Functions.Tests.DevHost;

/// <summary>
/// The functions the Functions host will run, as the SDK's build wrote them to functions.metadata, are the ones the dev
/// host runs: the same names and entry points, HTTP routes and verbs, blob triggers on Event Grid, timer schedules.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class FunctionMetadataTests(DevHostFixture fixture)
{
    private static readonly JsonArray Metadata = JsonNode.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray();

    private static readonly IReadOnlyDictionary<string, MethodInfo> DevHostFunctions =
        EndpointCatalog.FunctionMethods().ToDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name);

    [Fact]
    public void The_host_and_the_dev_host_know_the_same_functions_by_the_same_entry_points()
    {
        var written = Metadata.ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["entryPoint"]!.GetValue<string>());

        Assert.Equal(written.Keys.Order(StringComparer.Ordinal), DevHostFunctions.Keys.Order(StringComparer.Ordinal));
        Assert.All(DevHostFunctions, f => Assert.Equal($"{f.Value.DeclaringType!.FullName}.{f.Value.Name}", written[f.Key]));
    }

    [Fact]
    public void Every_http_function_is_served_by_the_dev_host_at_its_route_with_its_verbs()
    {
        var written = Triggers("httpTrigger")
            .Select(t => $"{string.Join(",", t.Binding["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()))} /api/{t.Binding["route"]}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(written, fixture.Host.Routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Blob_triggers_take_their_events_from_event_grid_and_timers_keep_their_schedules()
    {
        Assert.NotEmpty(Triggers("blobTrigger"));
        Assert.All(Triggers("blobTrigger"), t => Assert.Equal("EventGrid", t.Binding["source"]!.GetValue<string>()));
        Assert.All(Triggers("timerTrigger"), t =>
        {
            var attribute = DevHostFunctions[t.Function].GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).Single(a => a is not null)!;
            Assert.Equal(attribute.Schedule, t.Binding["schedule"]!.GetValue<string>());
            Assert.Equal(attribute.RunOnStartup, t.Binding["runOnStartup"]?.GetValue<bool>() ?? false);
        });
    }

    private static IEnumerable<(string Function, JsonNode Binding)> Triggers(string type) =>
        Metadata.SelectMany(f => f!["bindings"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == type)
            .Select(b => (f["name"]!.GetValue<string>(), b!)));
}
