using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using Certifications.DevHost;
using Certifications.DevHost.Identity;
using Certifications.DevHost.Storage;

namespace Certifications.Bench;

/// <summary>
/// The CSV user import of N new users through the API (parse, look up, validate, write in batches, invite), against
/// the floor: the same rows' table entities (user, e-mail index, group membership) written straight to Azurite in
/// transactions of 100 operations, with no HTTP, parsing, validation or mail. Rounds alternate, each its own organization.
/// </summary>
internal static class ImportBench
{
    public static async Task RunAsync(int rows, int rounds)
    {
        await using var azurite = await Azurite.StartAsync(RepositoryRoot.Find(), dataFolder: null);
        await using var host = await BenchHost.StartAsync(azurite.ConnectionString, "benchimport");
        var accounts = host.Services.GetRequiredService<DevAccounts>();
        Console.WriteLine("| round | app s | app rows/s | floor s | floor rows/s | app / floor |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        var ratios = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var (organization, admin) = await accounts.ProvisionAsync($"Import {round}", $"admin{round}@bench.example", "Bench Admin");
            using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/api/"), Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accounts.TokenFor(admin));
            (await http.PostAsync("groups", new StringContent("{\"name\":\"Everyone\"}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

            var app = Stopwatch.StartNew();
            var answer = await http.PostAsync("users/import", new StringContent(Csv(rows, $"r{round}"), Encoding.UTF8, "text/csv"));
            app.Stop();
            answer.EnsureSuccessStatusCode();

            var floor = Stopwatch.StartNew();
            await FloorAsync(azurite.ConnectionString, $"org_floor{round}", rows);
            floor.Stop();

            // Round 0 warms both sides up and is not counted.
            if (round == 0)
            {
                continue;
            }

            var ratio = floor.Elapsed.TotalSeconds / app.Elapsed.TotalSeconds;
            ratios.Add(ratio);
            Console.WriteLine(MarkdownRow.Of(
                $"{round}", $"{app.Elapsed.TotalSeconds:F2}", $"{rows / app.Elapsed.TotalSeconds:F0}",
                $"{floor.Elapsed.TotalSeconds:F2}", $"{rows / floor.Elapsed.TotalSeconds:F0}", $"{ratio:F2}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Median app / floor (rows per second): {Stats.Median(ratios):F2}"));
    }

    private static string Csv(int rows, string tag)
    {
        var csv = new StringBuilder("email,displayName,roles,groups\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"learner{i}.{tag}@bench.example,Lérner {i} Ñúñez,Learner,Everyone\n");
        }

        return csv.ToString();
    }

    /// <summary>Three entities per user (the user, its e-mail index, its membership), 33 users to a transaction.</summary>
    private static async Task FloorAsync(string connectionString, string organizationId, int rows)
    {
        var table = new TableClient(connectionString, "FloorDirectory");
        await table.CreateIfNotExistsAsync();
        foreach (var chunk in Enumerable.Range(0, rows).Chunk(33))
        {
            var actions = chunk.SelectMany(i => new[]
            {
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(organizationId, $"user|usr_{i:D26}")
                {
                    ["Email"] = $"learner{i}@bench.example", ["DisplayName"] = $"Lérner {i} Ñúñez", ["Roles"] = "Learner", ["GroupIds"] = "[\"grp\"]",
                }),
                new TableTransactionAction(
                    TableTransactionActionType.Add, new TableEntity(organizationId, $"email|learner{i}@bench.example") { ["TargetId"] = $"usr_{i:D26}" }),
                new TableTransactionAction(
                    TableTransactionActionType.Add, new TableEntity(organizationId, $"member|grp|usr_{i:D26}") { ["TargetId"] = $"usr_{i:D26}" }),
            });
            await table.SubmitTransactionAsync(actions);
        }
    }
}
