using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Certifications.DevHost;
using Certifications.DevHost.Identity;
using Certifications.Domain.People;
using Certifications.Storage.People;

namespace Certifications.Bench;

/// <summary>
/// An organization of a given size as the scale benchmark builds it through the CSV import: a coach with a team of
/// learners (each with an LMS external id), everyone else a learner; two certifications assigned to the team, one of
/// three LMS activities and one of a single activity that needs approval.
/// </summary>
internal sealed record ScaleOrganization(
    string BaseUrl, int Size, string Id, string AdminToken, string CoachToken, string LearnerToken,
    IReadOnlyList<ScaleOrganization.Member> Team, string CertificationId, string ApprovalCertificationId, double LastImportRowsPerSecond,
    double LastImportTableRequestsPerRow)
{
    private const int FileRows = 5000;
    private const int MeasuredFileRows = 1000;

    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/api/"), Timeout = TimeSpan.FromMinutes(5) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static async Task<ScaleOrganization> BuildAsync(DevHostApp host, int size, IReadOnlyList<string> activities, int teamSize)
    {
        var accounts = host.Services.GetRequiredService<DevAccounts>();
        var directory = host.Services.GetRequiredService<DirectoryRepository>();
        var (organization, admin) = await accounts.ProvisionAsync($"Scale {size}", $"admin@scale{size}.example", "Scale Admin");
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/api/"), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accounts.TokenFor(admin));
        (await http.PutAsJsonAsync("org/settings", new { webhookSecret = WorkflowBench.Secret })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("groups", new { name = "Everyone" })).EnsureSuccessStatusCode();

        // Everyone but the admin, in files of at most 5,000 rows; the last file is 1,000 rows, timed, into the grown organization.
        var rows = Enumerable.Range(0, size - 1).Select(i => Row(size, i, teamSize)).ToList();
        var files = new List<List<string>>();
        var head = rows.Count - Math.Min(MeasuredFileRows, rows.Count);
        files.AddRange(rows.Take(head).Chunk(FileRows).Select(c => c.ToList()));
        files.Add(rows.Skip(head).ToList());
        var rowsPerSecond = 0.0;
        var requestsPerRow = 0.0;
        var imported = 0;
        foreach (var file in files)
        {
            using var counter = new HttpRequestCounter();
            var clock = Stopwatch.StartNew();
            using var content = new StringContent("email,displayName,roles,groups,coach,externalId\n" + string.Join("\n", file), Encoding.UTF8, "text/csv");
            (await http.PostAsync("users/import", content)).EnsureSuccessStatusCode();
            rowsPerSecond = file.Count / clock.Elapsed.TotalSeconds;
            requestsPerRow = counter.TakeCounts()
                .Where(c => c.Key.Contains(" Directory", StringComparison.Ordinal) || c.Key.Contains(" $batch", StringComparison.Ordinal))
                .Sum(c => c.Value) / (double)file.Count;
            imported += file.Count;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"  imported {file.Count:N0} rows at {rowsPerSecond:F0} rows/s ({imported + 1:N0} users now)"));
        }

        // Signed in as each would after accepting the invitation.
        async Task<User> UserAsync(int i) => await accounts.BindAsync(
            (await directory.GetUserAsync(organization.Id, (await directory.FindUserIdByExternalIdAsync(organization.Id, ExternalId(size, i)))!))!.Value);
        var coach = await UserAsync(0);
        var teamUsers = new List<User>();
        for (var i = 1; i <= teamSize; i++)
        {
            teamUsers.Add(await UserAsync(i));
        }

        var team = teamUsers.Select((u, i) => new Member(u.Id, u.DisplayName, ExternalId(size, i + 1))).ToList();

        var certification = await PublishedAsync(http, "Scale certification", activities, requireApproval: false);
        var approval = await PublishedAsync(http, "Scale certification with approval", ["scale-approval"], requireApproval: true);
        foreach (var id in new[] { certification, approval })
        {
            (await http.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = team.Select(m => m.Id).ToArray() })).EnsureSuccessStatusCode();
        }

        return new ScaleOrganization(
            host.BaseUrl, size, organization.Id, accounts.TokenFor(admin), accounts.TokenFor(coach), accounts.TokenFor(teamUsers[0]),
            team, certification, approval, rowsPerSecond, requestsPerRow);
    }

    private static async Task<string> PublishedAsync(HttpClient http, string title, IEnumerable<string> activities, bool requireApproval)
    {
        var created = await (await http.PostAsJsonAsync("certifications", new
        {
            title,
            requireApproval,
            criteria = activities.Select(a => new { kind = "activity", title = a, externalActivityId = a }).ToArray(),
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        var id = created!["id"]!.GetValue<string>();
        (await http.PostAsync($"certifications/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Row 0 is the coach; rows 1 to the team size are the coach's team; the rest learners.</summary>
    private static string Row(int size, int i, int teamSize) => i == 0
        ? $"coach@scale{size}.example,Cóach Ñúñez,Coach,Everyone,,{ExternalId(size, i)}"
        : $"learner{i}@scale{size}.example,Lérner {i} Ångström,Learner,Everyone,"
            + $"{(i <= teamSize ? $"coach@scale{size}.example" : string.Empty)},{ExternalId(size, i)}";

    private static string ExternalId(int size, int i) => $"lms-{size}-{i}";

    /// <summary>A member of the coach's team.</summary>
    public sealed record Member(string Id, string Name, string ExternalId);
}
