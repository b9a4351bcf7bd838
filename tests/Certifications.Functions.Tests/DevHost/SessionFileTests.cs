using System.Text.Json.Nodes;
using Certifications.DevHost.Demo;
using Certifications.Domain.People;

namespace Certifications.Functions.Tests.DevHost;

public sealed class SessionFileTests
{
    [Fact]
    public async Task Roles_are_written_by_name_as_the_api_writes_them()
    {
        var user = new User
        {
            Id = "usr_1",
            OrganizationId = "org_1",
            Email = "ada@test.example",
            DisplayName = "Ada Admin",
            Roles = [Role.SuperAdmin, Role.Learner],
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var path = Path.GetTempFileName();
        try
        {
            await new SessionFile("http://localhost:7071", "/tmp/outbox", [SessionFile.SessionUser.From(user, "token")]).WriteAsync(path);

            var roles = JsonNode.Parse(await File.ReadAllTextAsync(path))!["users"]![0]!["roles"]!.AsArray();
            Assert.Equal(["SuperAdmin", "Learner"], roles.Select(r => r!.GetValue<string>()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
