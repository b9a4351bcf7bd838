using Certifications.Domain.Languages;
using Certifications.Domain.People;
using Certifications.Storage.Organizations;
using Certifications.Storage.People;

namespace Certifications.Functions.Notifications;

/// <summary>The language a message to a person is written in: theirs, else their organization's (both read through the caches).</summary>
public sealed class RecipientLanguages(OrganizationRepository organizations, DirectoryRepository directory)
{
    public async Task<string> OfAsync(User user, CancellationToken cancellationToken) =>
        user.Language ?? await OrganizationsAsync(user.OrganizationId, cancellationToken).ConfigureAwait(false);

    public async Task<string> OfAsync(string organizationId, string userId, CancellationToken cancellationToken) =>
        (await directory.GetUserCachedAsync(organizationId, userId, cancellationToken).ConfigureAwait(false))?.Language
        ?? await OrganizationsAsync(organizationId, cancellationToken).ConfigureAwait(false);

    private async Task<string> OrganizationsAsync(string organizationId, CancellationToken cancellationToken) =>
        (await organizations.GetCachedAsync(organizationId, cancellationToken).ConfigureAwait(false))?.Language ?? ProductLanguages.Default;
}
