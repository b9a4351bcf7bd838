using Certifications.Domain.Languages;
using Certifications.Domain.People;
using Certifications.Storage.Organizations;
using Certifications.Storage.People;

namespace Certifications.Functions.Notifications;

/// <summary>
/// The language a message to a person is written in: theirs, else their organization's (both read through the caches);
/// and, for messages that state a time, the zone it is stated in.
/// </summary>
public sealed class RecipientLanguages(OrganizationRepository organizations, DirectoryRepository directory)
{
    /// <summary>The person's language and time zone (UTC when they set none), for a message that names a time of day.</summary>
    public async Task<Reader> ReaderAsync(string organizationId, string userId, CancellationToken cancellationToken)
    {
        var user = await directory.GetUserCachedAsync(organizationId, userId, cancellationToken).ConfigureAwait(false);
        return new Reader(
            user?.Language ?? await OrganizationsAsync(organizationId, cancellationToken).ConfigureAwait(false),
            TimeZones.Of(user?.TimeZone));
    }

    public async Task<string> OfAsync(User user, CancellationToken cancellationToken) =>
        user.Language ?? await OrganizationsAsync(user.OrganizationId, cancellationToken).ConfigureAwait(false);

    public async Task<string> OfAsync(string organizationId, string userId, CancellationToken cancellationToken) =>
        (await ReaderAsync(organizationId, userId, cancellationToken).ConfigureAwait(false)).Language;

    private async Task<string> OrganizationsAsync(string organizationId, CancellationToken cancellationToken) =>
        (await organizations.GetCachedAsync(organizationId, cancellationToken).ConfigureAwait(false))?.Language ?? ProductLanguages.Default;
}

/// <summary>Who reads a message, as far as its words are concerned: the language and the time zone its times are stated in.</summary>
public sealed record Reader(string Language, TimeZoneInfo Zone);
