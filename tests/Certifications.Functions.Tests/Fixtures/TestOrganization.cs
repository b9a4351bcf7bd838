using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Certifications.DevHost;
using Certifications.DevHost.Identity;
using Certifications.Domain.Common;
using Certifications.Domain.People;
using Certifications.Storage.People;
using Microsoft.Extensions.DependencyInjection;

namespace Certifications.Functions.Tests.Fixtures;

/// <summary>A fresh organization of a test's own, with helpers to add people and call the API as any of them.</summary>
public sealed class TestOrganization
{
    private readonly DevHostApp host;

    private TestOrganization(DevHostApp host, string id, User admin)
    {
        this.host = host;
        Id = id;
        Admin = admin;
    }

    public string Id { get; }

    public User Admin { get; }

    public static async Task<TestOrganization> CreateAsync(DevHostApp host, bool certificationsEnabled = true)
    {
        var accounts = host.Services.GetRequiredService<DevAccounts>();
        var (organization, admin) = await accounts.ProvisionAsync(
            "Test Org " + Guid.NewGuid().ToString("N")[..6], $"admin-{Guid.NewGuid():N}@test.example", "Ada Admin", certificationsEnabled);
        return new TestOrganization(host, organization.Id, admin);
    }

    /// <summary>The same organization, called through another dev host (e.g. one started after a restart).</summary>
    public TestOrganization On(DevHostApp other) => new(other, Id, Admin);

    public async Task<string> AddGroupAsync(string name)
    {
        var group = new Group { Id = Ids.New(Ids.Group), OrganizationId = Id, Name = name, CreatedAt = DateTimeOffset.UtcNow };
        _ = (await host.Services.GetRequiredService<DirectoryRepository>().CreateGroupAsync(group)).Value;
        return group.Id;
    }

    public async Task<User> AddUserAsync(string name, Role role = Role.Learner, string[]? groups = null, string? coachId = null)
    {
        var user = new User
        {
            Id = Ids.New(Ids.User),
            OrganizationId = Id,
            Email = $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@test.example",
            DisplayName = name,
            Roles = [role],
            GroupIds = groups ?? [],
            CoachId = coachId,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        _ = (await host.Services.GetRequiredService<DirectoryRepository>().CreateUserAsync(user)).Value;
        return await host.Services.GetRequiredService<DevAccounts>().BindAsync(user);
    }

    public HttpClient As(User user) => Client(host.Services.GetRequiredService<DevAccounts>().TokenFor(user));

    public HttpClient AsAdmin() => As(Admin);

    public HttpClient Client(string? token)
    {
        var client = new HttpClient(new ContractCheck()) { BaseAddress = new Uri(host.BaseUrl + "/api/") };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A published certification (content + review criteria) whose view access is the given groups.</summary>
    public async Task<string> PublishedCertificationAsync(string title = "Customer Conversations", params string[] viewAccess)
    {
        using var admin = AsAdmin();
        var created = await admin.PostAsJsonAsync("certifications", new
        {
            title,
            requireApproval = false,
            criteria = new object[] { new { kind = "content", title = "Read the guide" }, new { kind = "review", title = "Coach review" } },
        });
        var id = (await created.Json())["id"]!.GetValue<string>();
        (await admin.PostAsync($"certifications/{id}/publish", null)).EnsureSuccessStatusCode();
        if (viewAccess.Length > 0)
        {
            (await admin.PutAsJsonAsync($"certifications/{id}/view-access", new { groupIds = viewAccess })).EnsureSuccessStatusCode();
        }

        return id;
    }
}

/// <summary>Reading answers in tests.</summary>
public static class HttpAnswers
{
    public static async Task<JsonNode> Json(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty body");

    /// <summary>Asserts the status and that the body is a problem document; returns it.</summary>
    public static async Task<JsonNode> Problem(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        return problem;
    }

    public static string[] Ids(this JsonNode list, string property = "enrollmentId") =>
        [.. list["items"]!.AsArray().Select(i => i![property]!.GetValue<string>())];
}
