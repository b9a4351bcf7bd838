using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Certifications.Bench;
using Certifications.DevHost;
using Certifications.DevHost.Identity;
using Certifications.DevHost.Storage;
using Certifications.Domain.Common;
using Certifications.Domain.People;
using Certifications.Storage.People;

// The API's read paths under load, side by side with a bare endpoint doing the same Table reads on the same Azurite.
// Usage: dotnet run -c Release --project bench/Certifications.Bench [-- --learners 200 --clients 16 --seconds 10]
//        dotnet run -c Release --project bench/Certifications.Bench -- --workflow [--enrollments 200 --clients 16 --rounds 5 --settled-start --trace]
//        dotnet run -c Release --project bench/Certifications.Bench -- --render [--seconds 2 --rounds 9 --public-url https://certs.northwind.com]
//        dotnet run -c Release --project bench/Certifications.Bench -- --report [--sizes 10000,100000]
//        dotnet run -c Release --project bench/Certifications.Bench -- --import [--rows 5000 --rounds 3]
//        dotnet run -c Release --project bench/Certifications.Bench -- --web [--rounds 9 --timeline]
//        dotnet run -c Release --project bench/Certifications.Bench -- --chaos [--enrollments 100 --seed 1]
//        dotnet run -c Release --project bench/Certifications.Bench -- --scale [--sizes 1000,20000]
if (args is ["--chaos-host", var chaosStorage, var chaosPort, var chaosOutbox, var chaosKey, var chaosSecrets])
{
    await ChaosBench.HostAsync(chaosStorage, int.Parse(chaosPort, CultureInfo.InvariantCulture), chaosOutbox, chaosKey, chaosSecrets);
    return;
}

if (args.Contains("--chaos"))
{
    Environment.ExitCode = await ChaosBench.RunAsync(Option("--enrollments", 100), Option("--seed", Environment.TickCount));
    return;
}

if (args.Contains("--report-measure"))
{
    var at = Array.IndexOf(args, "--report-measure");
    await ReportBench.MeasureAsync(args[at + 1], args[at + 2], args[at + 3]);
    return;
}

if (args.Contains("--report"))
{
    var sizesAt = Array.IndexOf(args, "--sizes");
    await ReportBench.RunAsync(sizesAt >= 0 ? [.. args[sizesAt + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : [10_000, 100_000]);
    return;
}

if (args.Contains("--render"))
{
    RenderBench.Scripts = args.Contains("--scripts");
    if (Array.IndexOf(args, "--public-url") is var urlAt and >= 0)
    {
        RenderBench.PublicBaseUrl = args[urlAt + 1];
    }

    RenderBench.Run(Option("--seconds", 2), Option("--rounds", 9));
    return;
}

if (args.Contains("--web"))
{
    await WebBench.RunAsync(Option("--rounds", 9), args.Contains("--timeline"));
    return;
}

if (args.Contains("--import"))
{
    await ImportBench.RunAsync(Option("--rows", 5000), Option("--rounds", 3));
    return;
}

if (args.Contains("--scale"))
{
    var at = Array.IndexOf(args, "--sizes");
    await ScaleBench.RunAsync(at >= 0 ? [.. args[at + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : [1000, 20000]);
    return;
}

if (args.Contains("--workflow"))
{
    WorkflowBench.SettledStart = args.Contains("--settled-start");
    WorkflowBench.Trace = args.Contains("--trace");
    await WorkflowBench.RunAsync(Option("--enrollments", 200), Option("--clients", 16), Option("--rounds", 5));
    return;
}

var learners = Option("--learners", 200);
var clients = Option("--clients", 16);
var seconds = Option("--seconds", 10);

await using var azurite = await Azurite.StartAsync(RepositoryRoot.Find(), dataFolder: null);
await using var host = await BenchHost.StartAsync(azurite.ConnectionString, "benchreads");
await using var bare = await BareEndpoints.StartAsync(azurite.ConnectionString);
var bareUrl = bare.Urls.First();

Console.WriteLine($"Seeding {learners} learners enrolled in 5 certifications...");
var (orgId, admin, learner, certificationId) = await SeedAsync();
var accounts = host.Services.GetRequiredService<DevAccounts>();
var adminToken = accounts.TokenFor(admin);
var learnerToken = accounts.TokenFor(learner);

var cases = new (string Name, Func<HttpClient> Api, string ApiPath, Func<HttpClient> Bare, string BarePath)[]
{
    ($"GET learning-records ({learners} records)",
        () => Client(host.BaseUrl, adminToken), $"/api/certifications/{certificationId}/learning-records?pageSize={learners}",
        () => Client(bareUrl, null), $"/bare/learning-records/{orgId}/{certificationId}?pageSize={learners}"),
    ("GET me/assignments (5 assignments)",
        () => Client(host.BaseUrl, learnerToken), "/api/me/assignments",
        () => Client(bareUrl, null), $"/bare/assignments/{orgId}/{learner.Id}"),
};

Console.WriteLine($"{clients} concurrent clients, {seconds} s per run after a 3 s warm-up; API and bare runs interleaved, best of 2 each.");
Console.WriteLine();
Console.WriteLine("| route | API req/s | API p50 ms | API p99 ms | bare req/s | bare p50 ms | bare p99 ms | API / bare |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var c in cases)
{
    await LoadRun.RunAsync(c.Api, c.ApiPath, clients, TimeSpan.FromSeconds(3));
    await LoadRun.RunAsync(c.Bare, c.BarePath, clients, TimeSpan.FromSeconds(3));
    LoadFigures? api = null, floor = null;
    for (var round = 0; round < 2; round++)
    {
        var a = await LoadRun.RunAsync(c.Api, c.ApiPath, clients, TimeSpan.FromSeconds(seconds));
        var b = await LoadRun.RunAsync(c.Bare, c.BarePath, clients, TimeSpan.FromSeconds(seconds));
        api = api is null || a.PerSecond > api.PerSecond ? a : api;
        floor = floor is null || b.PerSecond > floor.PerSecond ? b : floor;
    }

    Console.WriteLine(MarkdownRow.Of(
        $"{c.Name}", $"{api!.PerSecond:F0}", $"{api.P50:F1}", $"{api.P99:F1}",
        $"{floor!.PerSecond:F0}", $"{floor.P50:F1}", $"{floor.P99:F1}", $"{api.PerSecond / floor.PerSecond:F2}"));
}

async Task<(string Org, User Admin, User Learner, string Certification)> SeedAsync()
{
    var devAccounts = host.Services.GetRequiredService<DevAccounts>();
    var directory = host.Services.GetRequiredService<DirectoryRepository>();
    var (organization, owner) = await devAccounts.ProvisionAsync("Bench Org", "admin@bench.example", "Bench Admin");
    var group = new Group { Id = Ids.New(Ids.Group), OrganizationId = organization.Id, Name = "Everyone", CreatedAt = DateTimeOffset.UtcNow };
    _ = (await directory.CreateGroupAsync(group)).Value;
    var people = new List<string>();
    foreach (var i in Enumerable.Range(0, learners))
    {
        var user = new User
        {
            Id = Ids.New(Ids.User),
            OrganizationId = organization.Id,
            Email = $"learner{i}@bench.example",
            DisplayName = $"Learner {i}",
            Roles = [Role.Learner],
            GroupIds = [group.Id],
            CreatedAt = DateTimeOffset.UtcNow,
        };
        _ = (await directory.CreateUserAsync(user)).Value;
        people.Add(user.Id);
    }

    using var api = Client(host.BaseUrl, devAccounts.TokenFor(owner));
    var first = string.Empty;
    foreach (var n in Enumerable.Range(1, 5))
    {
        var created = await api.PostAsJsonAsync("/api/certifications", new
        {
            title = $"Certification {n}",
            requireApproval = false,
            criteria = new object[] { new { kind = "content", title = "Read the guide" }, new { kind = "review", title = "Coach review" } },
        });
        var id = JsonNode.Parse(await created.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        (await api.PostAsync($"/api/certifications/{id}/publish", null)).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync(
            $"/api/certifications/{id}/assignments", new { groupIds = new[] { group.Id }, dueDate = DateTimeOffset.UtcNow.AddDays(30 + n) }))
            .EnsureSuccessStatusCode();
        first = first.Length == 0 ? id : first;
    }

    var firstLearner = (await directory.GetUserAsync(organization.Id, people[0]))!.Value;
    return (organization.Id, owner, await devAccounts.BindAsync(firstLearner), first);
}

static HttpClient Client(string baseUrl, string? token)
{
    var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    if (token is not null)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    return client;
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
