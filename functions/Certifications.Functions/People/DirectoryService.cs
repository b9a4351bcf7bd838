using Certifications.Domain.Common;
using Certifications.Domain.People;
using Certifications.Domain.Policies;
using Certifications.Functions.Identity;
using Certifications.Storage.Common;
using Certifications.Storage.People;

namespace Certifications.Functions.People;

/// <summary>Managing an organization's users and groups (super admins).</summary>
public sealed class DirectoryService(DirectoryRepository directory, CallerDirectory callers, TimeProvider clock)
{
    public static Error? RequireAdmin(Caller caller) =>
        caller.IsSuperAdmin ? null : Error.Forbidden("Only a super admin can manage users and groups.");

    public async Task<Result<Versioned<User>>> CreateUserAsync(Caller caller, UserInput input, CancellationToken cancellationToken)
    {
        if (RequireAdmin(caller) is { } forbidden)
        {
            return forbidden;
        }

        var references = await ReferencesAsync(caller.OrganizationId, input.CoachId, cancellationToken).ConfigureAwait(false);
        return await CreateAsync(caller.OrganizationId, input, references, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<Versioned<User>>> GetUserAsync(Caller caller, string userId, CancellationToken cancellationToken)
    {
        var user = await directory.GetUserAsync(caller.OrganizationId, userId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return Error.NotFound("The user");
        }

        // Users read themselves; a coach reads their team members; admins read everyone.
        var allowed = caller.IsSuperAdmin || caller.Id == userId || (caller.IsCoach && user.Value.IsCoachedBy(caller.Id));
        return allowed ? user : Error.NotFound("The user");
    }

    public async Task<Result<ListPage<User>>> ListUsersAsync(Caller caller, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (RequireAdmin(caller) is { } forbidden)
        {
            return forbidden;
        }

        return await directory.ListUsersAsync(caller.OrganizationId, pageSize, continuationToken, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<Versioned<User>>> UpdateUserAsync(Caller caller, string userId, UserInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        if (RequireAdmin(caller) is { } forbidden)
        {
            return forbidden;
        }

        var current = await directory.GetUserAsync(caller.OrganizationId, userId, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return Error.NotFound("The user");
        }

        if (!current.IsMatchedBy(ifMatch))
        {
            return Error.Stale("The user");
        }

        var references = await ReferencesAsync(caller.OrganizationId, input.CoachId, cancellationToken).ConfigureAwait(false);
        return await UpdateAsync(current, current.ETag, input, references, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<Group>> CreateGroupAsync(Caller caller, GroupInput input, CancellationToken cancellationToken)
    {
        if (RequireAdmin(caller) is { } forbidden)
        {
            return forbidden;
        }

        var errors = new FieldErrors();
        var name = errors.RequireText("name", input.Name, 100);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var group = new Group { Id = Ids.New(Ids.Group), OrganizationId = caller.OrganizationId, Name = name!, CreatedAt = clock.GetUtcNow() };
        var written = await directory.CreateGroupAsync(group, cancellationToken).ConfigureAwait(false);
        return written.IsSuccess ? group : written.Error!;
    }

    public async Task<Result<IReadOnlyList<Group>>> ListGroupsAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsSuperAdmin && !caller.IsCoach)
        {
            return Error.Forbidden("Only super admins and coaches can list groups.");
        }

        return Result<IReadOnlyList<Group>>.Ok(await directory.ListGroupsAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Creates the user, or says why not; used by POST /users and by each new row of an import.</summary>
    internal async Task<Result<Versioned<User>>> CreateAsync(string organizationId, UserInput input, References references, CancellationToken cancellationToken)
    {
        var user = input.ToUser(Ids.New(Ids.User), organizationId, clock.GetUtcNow(), references.GroupIds, references.Coaches);
        if (!user.IsSuccess)
        {
            return user.Error!;
        }

        var etag = await directory.CreateUserAsync(user.Value, cancellationToken).ConfigureAwait(false);
        return etag.IsSuccess ? new Versioned<User>(user.Value, etag.Value) : etag.Error!;
    }

    /// <summary>Replaces the user's fields, or says why not; used by PUT /users/{id} and by each known row of an import.</summary>
    internal async Task<Result<Versioned<User>>> UpdateAsync(Versioned<User> current, string etag, UserInput input, References references, CancellationToken cancellationToken)
    {
        var user = input.ToUser(current.Value.Id, current.Value.OrganizationId, current.Value.CreatedAt, references.GroupIds, references.Coaches);
        if (!user.IsSuccess)
        {
            return user.Error!;
        }

        var written = await directory.UpdateUserAsync(current.Value, user.Value, etag, cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            return written.Error!;
        }

        callers.Forget(current.Value.OrganizationId);
        return new Versioned<User>(user.Value, written.Value);
    }

    /// <summary>The ids a user may refer to: the organization's groups, and the coach named (when it is one).</summary>
    internal async Task<References> ReferencesAsync(string organizationId, string? coachId, CancellationToken cancellationToken)
    {
        var groups = await directory.ListGroupsAsync(organizationId, cancellationToken).ConfigureAwait(false);
        var coaches = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(coachId) && await directory.GetUserAsync(organizationId, coachId.Trim(), cancellationToken).ConfigureAwait(false) is { Value.IsCoach: true } coach)
        {
            coaches.Add(coach.Value.Id);
        }

        return new References(groups, groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal), coaches);
    }

    /// <summary>What a user's fields may point at.</summary>
    internal sealed record References(IReadOnlyList<Group> Groups, IReadOnlySet<string> GroupIds, IReadOnlySet<string> Coaches);
}
