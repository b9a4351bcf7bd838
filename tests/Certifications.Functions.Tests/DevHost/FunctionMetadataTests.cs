using System.Text.Json.Nodes;
using Certifications.Functions.Hosting;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.DevHost;

/// <summary>
/// The functions the Functions host will run, as the SDK's build wrote them to functions.metadata, are the catalog's: the
/// same names and entry points, the same triggers, HTTP routes and verbs, blob paths on Event Grid, timer schedules; and
/// the dev host serves every HTTP function of the catalog.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class FunctionMetadataTests(DevHostFixture fixture)
{
    private static readonly JsonArray Metadata = JsonNode.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray();

    private static readonly FunctionCatalog Catalog = FunctionCatalog.App;

    [Fact]
    public void The_host_and_the_catalog_know_the_same_functions_by_the_same_entry_points()
    {
        var written = Metadata.ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["entryPoint"]!.GetValue<string>());

        Assert.Equal(written.Keys.Order(StringComparer.Ordinal), Catalog.Functions.Select(f => f.Name));
        Assert.All(Catalog.Functions, f => Assert.Equal($"{f.Method.DeclaringType!.FullName}.{f.Method.Name}", written[f.Name]));
    }

    [Fact]
    public void Each_function_has_the_same_trigger_in_both()
    {
        var written = Metadata.ToDictionary(
            f => f!["name"]!.GetValue<string>(),
            f => f!["bindings"]!.AsArray()
                .Single(b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!["type"]!.GetValue<string>());

        Assert.All(Catalog.Functions, f => Assert.Equal(
            f.Trigger switch
            {
                HttpRoute => "httpTrigger",
                BlobPath => "blobTrigger",
                TimerSchedule => "timerTrigger",
                Orchestration => "orchestrationTrigger",
                Activity => "activityTrigger",
                _ => "?",
            },
            written[f.Name]));
    }

    [Fact]
    public void Http_functions_have_the_same_routes_and_verbs_and_the_dev_host_serves_them_all()
    {
        var written = Triggers("httpTrigger")
            .Select(t => $"{string.Join(",", t.Binding["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()))} /api/{t.Binding["route"]}")
            .Order(StringComparer.Ordinal);
        var catalogued = Catalog.With<HttpRoute>().Select(h => $"{string.Join(",", h.Trigger.Verbs)} /api/{h.Trigger.Route}").Order(StringComparer.Ordinal);

        Assert.Equal(written, catalogued);
        Assert.Equal(catalogued, fixture.Host.Routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Blob_triggers_take_their_events_from_event_grid_on_the_same_path_and_timers_keep_their_schedules()
    {
        Assert.NotEmpty(Triggers("blobTrigger"));
        Assert.All(Triggers("blobTrigger"), t =>
        {
            var blob = Assert.IsType<BlobPath>(Catalog.Functions.Single(f => f.Name == t.Function).Trigger);
            Assert.Equal("EventGrid", t.Binding["source"]!.GetValue<string>());
            Assert.Equal(blob.Source, t.Binding["source"]!.GetValue<string>());
            Assert.Equal(blob.Path, t.Binding["path"]!.GetValue<string>());
        });
        Assert.All(Triggers("timerTrigger"), t =>
        {
            var timer = Assert.IsType<TimerSchedule>(Catalog.Functions.Single(f => f.Name == t.Function).Trigger);
            Assert.Equal(timer.Schedule, t.Binding["schedule"]!.GetValue<string>());
            Assert.Equal(timer.RunOnStartup, t.Binding["runOnStartup"]?.GetValue<bool>() ?? false);
        });
    }

    private static IEnumerable<(string Function, JsonNode Binding)> Triggers(string type) =>
        Metadata.SelectMany(f => f!["bindings"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == type)
            .Select(b => (f["name"]!.GetValue<string>(), b!)));
}
