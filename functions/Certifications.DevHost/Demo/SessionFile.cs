using System.Text.Json;
using System.Text.Json.Serialization;
using Certifications.Domain.People;

namespace Certifications.DevHost.Demo;

/// <summary>.dev/session.json: what the dev host printed, for scripts and the front end.</summary>
public sealed record SessionFile(string BaseUrl, string Outbox, IReadOnlyList<SessionFile.SessionUser> Users)
{
    // Roles by name ("SuperAdmin"), as the API writes them.
    private static readonly JsonSerializerOptions Json = new(
        JsonSerializerDefaults.Web)
    { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A demo user and a bearer token for them.</summary>
    public sealed record SessionUser(string Id, string OrganizationId, string Email, string DisplayName, IReadOnlyList<Role> Roles, string Token)
    {
        public static SessionUser From(User user, string token) =>
            new(user.Id, user.OrganizationId, user.Email, user.DisplayName, user.Roles, token);
    }
}
