using Azure;
using Azure.Data.Tables;
using Certifications.Domain.Common;
using Certifications.Domain.People;
using Certifications.Storage.Common;

namespace Certifications.Storage.People;

/// <summary>
/// Users and groups of an organization, with their e-mail, name and membership index rows kept in step. Its writes drop
/// the organization's cached reads.
/// </summary>
public sealed class DirectoryRepository(StorageAccount storage, OrganizationReadCache cache)
{
    private const int ReadConcurrency = 16;

    /// <summary>The most operations one entity-group transaction may hold.</summary>
    private const int MaxBatch = 100;

    private readonly TableClient table = storage.Table(TableNames.Directory);
    private readonly TableClient identities = storage.Table(TableNames.Identities);

    public async Task<Versioned<User>?> GetUserAsync(string organizationId, string userId, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<UserEntity>(
            organizationId, DirectoryKeys.User(userId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new Versioned<User>(response.Value!.ToUser(), response.Value.ETag.ToString()) : null;
    }

    /// <summary>The users of the organization among <paramref name="userIds"/>; ids it does not have are simply absent.</summary>
    public async Task<IReadOnlyDictionary<string, User>> GetUsersAsync(
        string organizationId, IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, User>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            userIds.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ReadConcurrency, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                var user = await GetUserAsync(organizationId, id, ct).ConfigureAwait(false);
                if (user is not null)
                {
                    found[id] = user.Value;
                }
            }).ConfigureAwait(false);
        return found;
    }

    /// <summary>The id of the user with this e-mail, from the e-mail index alone.</summary>
    /// <summary>
    /// A user's id by their (lower-case) e-mail, through the cache; an unknown address is not remembered, so a user added
    /// elsewhere is found at once.
    /// </summary>
    public Task<string?> FindUserIdByEmailCachedAsync(string organizationId, string email, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync(organizationId, "email:" + email, () => FindUserIdByEmailAsync(organizationId, email, cancellationToken));

    /// <summary>A user as read within <see cref="OrganizationReadCache.TimeToLive"/> (or as this instance last wrote them).</summary>
    public Task<User?> GetUserCachedAsync(string organizationId, string userId, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync(
            organizationId, "user:" + userId, async () => (await GetUserAsync(organizationId, userId, cancellationToken).ConfigureAwait(false))?.Value);

    public async Task<string?> FindUserIdByEmailAsync(string organizationId, string email, CancellationToken cancellationToken = default)
    {
        var pointer = await table.GetEntityIfExistsAsync<PointerEntity>(
            organizationId, DirectoryKeys.Email(email), cancellationToken: cancellationToken).ConfigureAwait(false);
        return pointer.HasValue ? pointer.Value!.TargetId : null;
    }

    /// <summary>The ids of the users with these (lower-case) e-mails, by point reads side by side; unknown e-mails are absent.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FindUserIdsByEmailAsync(
        string organizationId, IEnumerable<string> emails, CancellationToken cancellationToken = default)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            emails.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ReadConcurrency, CancellationToken = cancellationToken },
            async (email, ct) =>
            {
                if (await FindUserIdByEmailAsync(organizationId, email, ct).ConfigureAwait(false) is { } id)
                {
                    found[email] = id;
                }
            }).ConfigureAwait(false);
        return found;
    }

    /// <summary>A page of users; disabled ones only when asked for (a page may then hold fewer than its size).</summary>
    /// <summary>
    /// A page of the organization's people in name order: a page of the name index, then each person by a point read
    /// (in parallel), as a coach's team is read.
    /// </summary>
    public async Task<ListPage<User>> ListUsersAsync(
        string organizationId, int pageSize, string? continuationToken, bool includeDisabled, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {organizationId} and RowKey ge {DirectoryKeys.NamedPrefix} and RowKey lt {RowKeys.PrefixEnd(DirectoryKeys.NamedPrefix)}");
        var ids = await Paging.ReadPageAsync(
            table.QueryAsync<PointerEntity>(filter, select: [nameof(PointerEntity.TargetId)], cancellationToken: cancellationToken),
            pageSize, continuationToken, p => p.TargetId, cancellationToken).ConfigureAwait(false);
        var users = await GetUsersAsync(organizationId, ids.Items, cancellationToken).ConfigureAwait(false);
        return new ListPage<User>(
            [.. ids.Items.Select(users.GetValueOrDefault).OfType<User>().Where(u => includeDisabled || u.IsActive)], ids.ContinuationToken);
    }

    /// <summary>
    /// The active members of a coach's team: the users whose coach they are, from the coach's index range and one point
    /// read each (a query of every user filtered by coach cost 3× at 20,000 users what it cost at 1,000).
    /// </summary>
    public async Task<IReadOnlyList<User>> TeamAsync(string organizationId, string coachId, CancellationToken cancellationToken = default)
    {
        var start = DirectoryKeys.Team(coachId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {organizationId} and RowKey ge {start} and RowKey lt {RowKeys.PrefixEnd(start)}");
        var ids = new List<string>();
        await foreach (var pointer in table.QueryAsync<PointerEntity>(
            filter, select: [nameof(PointerEntity.TargetId)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(pointer.TargetId);
        }

        var users = await GetUsersAsync(organizationId, ids, cancellationToken).ConfigureAwait(false);

        // The index row is written with the user; a user whose coach changed meanwhile is left out by their own record.
        return [.. ids.Select(users.GetValueOrDefault).OfType<User>().Where(u => u.IsActive && u.CoachId == coachId)];
    }

    /// <summary>The organization's active super admins, from their index rows (one small range, whatever the organization's size).</summary>
    public async Task<IReadOnlyList<User>> AdminsAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {organizationId} and RowKey ge {DirectoryKeys.AdminPrefix} and RowKey lt {RowKeys.PrefixEnd(DirectoryKeys.AdminPrefix)}");
        var ids = new List<string>();
        await foreach (var pointer in table.QueryAsync<PointerEntity>(
            filter, select: [nameof(PointerEntity.TargetId)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(pointer.TargetId);
        }

        return [.. (await GetUsersAsync(organizationId, ids, cancellationToken).ConfigureAwait(false)).Values.Where(u => u.IsSuperAdmin && u.IsActive)];
    }

    /// <summary>
    /// Another active super admin than <paramref name="userId"/>, with the version of their index row; null when there is
    /// none. A change that takes a super admin away is written on the condition that this row is unchanged, and every
    /// such change touches the admin row of the one it takes away: two admins removing each other at once cannot both land.
    /// </summary>
    public async Task<AdminWitness?> OtherActiveAdminAsync(string organizationId, string userId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {organizationId} and RowKey ge {DirectoryKeys.AdminPrefix} and RowKey lt {RowKeys.PrefixEnd(DirectoryKeys.AdminPrefix)}");
        var rows = new Dictionary<string, ETag>(StringComparer.Ordinal);
        await foreach (var pointer in table.QueryAsync<PointerEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (pointer.TargetId != userId)
            {
                rows[pointer.TargetId] = pointer.ETag;
            }
        }

        var users = await GetUsersAsync(organizationId, rows.Keys, cancellationToken).ConfigureAwait(false);
        return users.Values.Where(u => u.IsActiveSuperAdmin).Select(u => new AdminWitness(u.Id, rows[u.Id].ToString())).FirstOrDefault();
    }

    /// <summary>The ids of the members of the given groups.</summary>
    public async Task<IReadOnlySet<string>> MemberIdsAsync(string organizationId, IEnumerable<string> groupIds, CancellationToken cancellationToken = default)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var groupId in groupIds.Distinct(StringComparer.Ordinal))
        {
            var prefix = DirectoryKeys.Member(groupId, string.Empty);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {organizationId} and RowKey ge {prefix} and RowKey lt {RowKeys.PrefixEnd(prefix)}");
            await foreach (var pointer in table.QueryAsync<PointerEntity>(
                filter, select: [nameof(PointerEntity.TargetId)], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                members.Add(pointer.TargetId);
            }
        }

        return members;
    }

    /// <summary>Adds the user with its e-mail, external id and membership rows in one transaction.</summary>
    public async Task<Result<string>> CreateUserAsync(User user, CancellationToken cancellationToken = default) =>
        await SubmitAsync(CreateActions(user), Taken(user), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Adds many users, as many to a transaction as fit its 100 operations; a transaction refused as a whole (one user
    /// among them conflicts) is written again user by user, so each user lands whole or is refused with its reason.
    /// </summary>
    public async Task<IReadOnlyList<Result<string>>> CreateUsersAsync(IReadOnlyList<User> users, CancellationToken cancellationToken = default)
    {
        var results = new Result<string>[users.Count];
        var batch = new List<(int Index, List<TableTransactionAction> Actions)>();
        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            Result<string> written;
            try
            {
                written = await SubmitAsync([.. batch.SelectMany(b => b.Actions)], _ => string.Empty, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException)
            {
                // e.g. two users of the batch naming the same row: each alone says which one is refused and why.
                written = Error.Conflict("The batch was refused.");
            }

            foreach (var (index, actions) in batch)
            {
                results[index] = written.IsSuccess ? written : await SubmitAsync(actions, Taken(users[index]), cancellationToken).ConfigureAwait(false);
            }

            batch.Clear();
        }

        for (var i = 0; i < users.Count; i++)
        {
            var actions = CreateActions(users[i]);
            if (batch.Sum(b => b.Actions.Count) + actions.Count > MaxBatch)
            {
                await FlushAsync().ConfigureAwait(false);
            }

            batch.Add((i, actions));
        }

        await FlushAsync().ConfigureAwait(false);
        return results;
    }

    private static List<TableTransactionAction> CreateActions(User user)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, UserEntity.From(user)),
            new(TableTransactionActionType.Add, Pointer(user.OrganizationId, DirectoryKeys.Email(user.Email), user.Id)),
            new(TableTransactionActionType.UpsertReplace, Pointer(user.OrganizationId, DirectoryKeys.Named(user.DisplayName, user.Id), user.Id)),
        };
        if (user.IsSuperAdmin)
        {
            actions.Add(new(TableTransactionActionType.Add, Pointer(user.OrganizationId, DirectoryKeys.Admin(user.Id), user.Id)));
        }

        if (user.ExternalId is { } externalId)
        {
            actions.Add(new(TableTransactionActionType.Add, Pointer(user.OrganizationId, DirectoryKeys.ExternalId(externalId), user.Id)));
        }

        if (user.CoachId is { } coachId)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, Pointer(user.OrganizationId, DirectoryKeys.Coached(coachId, user.Id), user.Id)));
        }

        actions.AddRange(
            user.GroupIds.Select(
            g => new TableTransactionAction(TableTransactionActionType.Add, Pointer(user.OrganizationId, DirectoryKeys.Member(g, user.Id), user.Id))));
        return actions;
    }

    /// <summary>Replaces the user (conditional on its ETag) and moves its e-mail and membership rows in the same transaction.</summary>
    public Task<Result<string>> UpdateUserAsync(
        User before, User after, string? etag, AdminWitness? keepsAdmin = null, CancellationToken cancellationToken = default)
    {
        var org = after.OrganizationId;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, UserEntity.From(after), TableWrites.IfMatch(etag)),
        };
        if (before.StopsBeingActiveSuperAdmin(after))
        {
            if (keepsAdmin is null)
            {
                throw new InvalidOperationException("Taking away a super admin needs another active one as witness.");
            }

            actions.Add(new(TableTransactionActionType.UpdateMerge, Pointer(org, DirectoryKeys.Admin(keepsAdmin.UserId), keepsAdmin.UserId),
                TableWrites.IfMatch(keepsAdmin.ETag)));
            if (after.IsSuperAdmin)
            {
                // Disabled, not demoted: their admin row stays, and is touched so a concurrent removal that counted on them fails.
                actions.Add(new(TableTransactionActionType.UpdateMerge, Pointer(org, DirectoryKeys.Admin(after.Id), after.Id), ETag.All));
            }
        }

        if (before.Email != after.Email)
        {
            actions.Add(new(TableTransactionActionType.Delete, Pointer(org, DirectoryKeys.Email(before.Email), after.Id), ETag.All));
            actions.Add(new(TableTransactionActionType.Add, Pointer(org, DirectoryKeys.Email(after.Email), after.Id)));
        }

        var (oldName, newName) = (DirectoryKeys.Named(before.DisplayName, before.Id), DirectoryKeys.Named(after.DisplayName, after.Id));
        if (oldName != newName)
        {
            actions.Add(new(TableTransactionActionType.Delete, Pointer(org, oldName, after.Id), ETag.All));
            actions.Add(new(TableTransactionActionType.UpsertReplace, Pointer(org, newName, after.Id)));
        }

        if (before.IsSuperAdmin != after.IsSuperAdmin)
        {
            actions.Add(after.IsSuperAdmin
                ? new(TableTransactionActionType.Add, Pointer(org, DirectoryKeys.Admin(after.Id), after.Id))
                : new(TableTransactionActionType.Delete, Pointer(org, DirectoryKeys.Admin(after.Id), after.Id), ETag.All));
        }

        if (before.ExternalId != after.ExternalId)
        {
            if (before.ExternalId is { } old)
            {
                actions.Add(new(TableTransactionActionType.Delete, Pointer(org, DirectoryKeys.ExternalId(old), after.Id), ETag.All));
            }

            if (after.ExternalId is { } added)
            {
                actions.Add(new(TableTransactionActionType.Add, Pointer(org, DirectoryKeys.ExternalId(added), after.Id)));
            }
        }

        if (before.CoachId != after.CoachId)
        {
            if (before.CoachId is { } oldCoach)
            {
                actions.Add(new(TableTransactionActionType.Delete, Pointer(org, DirectoryKeys.Coached(oldCoach, after.Id), after.Id), ETag.All));
            }

            if (after.CoachId is { } newCoach)
            {
                actions.Add(new(TableTransactionActionType.UpsertReplace, Pointer(org, DirectoryKeys.Coached(newCoach, after.Id), after.Id)));
            }
        }

        actions.AddRange(
            before.GroupIds.Except(after.GroupIds).Select(
            g => new TableTransactionAction(TableTransactionActionType.Delete, Pointer(org, DirectoryKeys.Member(g, after.Id), after.Id), ETag.All)));
        actions.AddRange(
            after.GroupIds.Except(before.GroupIds).Select(
            g => new TableTransactionAction(TableTransactionActionType.Add, Pointer(org, DirectoryKeys.Member(g, after.Id), after.Id))));
        return SubmitAsync(actions, Taken(after), cancellationToken);
    }

    public Task<Result<string>> CreateGroupAsync(Group group, CancellationToken cancellationToken = default)
    {
        var entity = new GroupEntity
        {
            PartitionKey = group.OrganizationId,
            RowKey = DirectoryKeys.Group(group.Id),
            Name = group.Name,
            CreatedAt = group.CreatedAt
        };
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, entity),
            new(TableTransactionActionType.Add, Pointer(group.OrganizationId, DirectoryKeys.GroupName(group.Name), group.Id)),
        ];
        return SubmitAsync(actions, _ => $"A group named '{group.Name}' already exists.", cancellationToken);
    }

    public async Task<IReadOnlyList<Group>> ListGroupsAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {organizationId} and RowKey ge {DirectoryKeys.GroupPrefix} and RowKey lt {RowKeys.PrefixEnd(DirectoryKeys.GroupPrefix)}");
        var groups = new List<Group>();
        await foreach (var entity in table.QueryAsync<GroupEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            groups.Add(entity.ToGroup());
        }

        return groups;
    }

    /// <summary>Where a sign-in leads; null when the account is bound to nobody.</summary>
    public async Task<BoundIdentity?> ResolveIdentityAsync(SignInIdentity identity, CancellationToken cancellationToken = default)
    {
        var response = await identities.GetEntityIfExistsAsync<IdentityEntity>(
            identity.TenantId, identity.ObjectId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new BoundIdentity(response.Value!.OrganizationId, response.Value.UserId, response.Value.Disabled) : null;
    }

    /// <summary>Binds the account to the user; a conflict when it is bound to someone already.</summary>
    public async Task<Result<bool>> BindIdentityAsync(SignInIdentity identity, User user, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = new IdentityEntity
            {
                PartitionKey = identity.TenantId,
                RowKey = identity.ObjectId,
                OrganizationId = user.OrganizationId,
                UserId = user.Id,
                Disabled = !user.IsActive
            };
            await identities.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return Error.Conflict("This account is linked to another user already; sign in with the account your invitation was for.");
        }
    }

    /// <summary>Takes a binding back (a bind whose user could not be updated).</summary>
    public Task UnbindIdentityAsync(SignInIdentity identity, CancellationToken cancellationToken = default) =>
        identities.DeleteEntityAsync(identity.TenantId, identity.ObjectId, ETag.All, cancellationToken);

    /// <summary>Marks the user's binding disabled or not: what stops their tokens on every instance at once.</summary>
    public async Task SetIdentityDisabledAsync(User user, bool disabled, CancellationToken cancellationToken = default)
    {
        if (user.SignIn is { } identity)
        {
            var row = new IdentityEntity
            {
                PartitionKey = identity.TenantId,
                RowKey = identity.ObjectId,
                OrganizationId = user.OrganizationId,
                UserId = user.Id,
                Disabled = disabled
            };
            await identities.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The id of the user an external system (an LMS) knows by its own id, from the index row alone.</summary>
    public async Task<string?> FindUserIdByExternalIdAsync(string organizationId, string externalId, CancellationToken cancellationToken = default)
    {
        var pointer = await table.GetEntityIfExistsAsync<PointerEntity>(
            organizationId, DirectoryKeys.ExternalId(externalId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return pointer.HasValue ? pointer.Value!.TargetId : null;
    }

    /// <summary>What a conflicting index row means: the e-mail or the external id belongs to someone else already.</summary>
    private static Func<string, string> Taken(User user) => rowKey =>
        rowKey.StartsWith(DirectoryKeys.ExternalIdPrefix, StringComparison.Ordinal)
            ? $"A user with external id '{user.ExternalId}' already exists."
            : $"A user with e-mail {user.Email} already exists.";

    private static PointerEntity Pointer(string organizationId, string rowKey, string targetId) =>
        new() { PartitionKey = organizationId, RowKey = rowKey, TargetId = targetId };

    private async Task<Result<string>> SubmitAsync(
        IReadOnlyList<TableTransactionAction> actions, Func<string, string> conflict, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            cache.Changed(actions[0].Entity.PartitionKey);
            return response.Value[0].Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (TableTransactionFailedException e) when (e.Status == 412)
        {
            return Error.Stale("The user");
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return Error.Conflict(conflict(e.FailedTransactionActionIndex is int i && i < actions.Count ? actions[i].Entity.RowKey : string.Empty));
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            return Error.NotFound("The user");
        }
    }
}

/// <summary>An active super admin who stays when another is taken away, and the version of their index row.</summary>
public sealed record AdminWitness(string UserId, string ETag);
