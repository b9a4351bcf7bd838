using System.Buffers.Text;
using System.Security.Cryptography;
using Certifications.Domain.Common;
using Certifications.Domain.Languages;
using Certifications.Domain.People;
using Certifications.Domain.Policies;
using Certifications.Functions.Notifications;
using Certifications.Storage.Common;
using Certifications.Storage.Organizations;
using Certifications.Storage.People;

namespace Certifications.Functions.People;

/// <summary>Managing an organization's users and groups (super admins).</summary>
public sealed class DirectoryService(
    DirectoryRepository directory, OrganizationRepository organizations, InvitationEmail invitations, IEmailSender mail,
        TimeProvider clock)
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
        var created = await CreateAsync(caller.Organization, input, references, cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        await mail.SendAsync([created.Value.Invitation], cancellationToken).ConfigureAwait(false);
        return created.Value.User;
    }

    /// <summary>A new invitation link for a user who has not signed in yet; the earlier link stops working.</summary>
    public async Task<Result<Versioned<User>>> ResendInvitationAsync(Caller caller, string userId, CancellationToken cancellationToken)
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

        if (current.Value.SignIn is not null)
        {
            return Error.Conflict($"{current.Value.DisplayName} has signed in already; there is nothing to invite them to.");
        }

        if (!current.Value.IsActive)
        {
            return Error.Conflict($"{current.Value.DisplayName} is disabled; enable them first.");
        }

        var (invited, message) = Invite(current.Value, caller.Organization);
        var written = await directory.UpdateUserAsync(current.Value, invited, current.ETag, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            return written.Error!;
        }

        await mail.SendAsync([message], cancellationToken).ConfigureAwait(false);
        return new Versioned<User>(invited, written.Value);
    }

    /// <summary>
    /// Binds the account that signed in to the user the invitation link is for. The binding row is added first (two
    /// users can never share an account); the user's row then spends the invitation conditionally on its ETag, and a
    /// lost race takes the binding back, so the same link can never bind twice.
    /// </summary>
    public async Task<Result<User>> AcceptInvitationAsync(SignInIdentity identity, string linkToken, CancellationToken cancellationToken)
    {
        if (Invitation.ParseLinkToken(linkToken) is not var (organizationId, userId, secret))
        {
            return Error.NotFound("The invitation");
        }

        var current = await directory.GetUserAsync(organizationId, userId, cancellationToken).ConfigureAwait(false);
        var organization = await organizations.GetAsync(organizationId, cancellationToken).ConfigureAwait(false);
        if (current is null || organization is null)
        {
            return Error.NotFound("The invitation");
        }

        var accepted = Invitation.Accept(current.Value, organization.Value, secret, identity, clock.GetUtcNow());
        if (!accepted.IsSuccess)
        {
            return accepted.Error!;
        }

        var bound = await directory.BindIdentityAsync(identity, accepted.Value, cancellationToken).ConfigureAwait(false);
        if (!bound.IsSuccess)
        {
            return bound.Error!;
        }

        var written = await directory.UpdateUserAsync(current.Value, accepted.Value, current.ETag, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            await directory.UnbindIdentityAsync(identity, CancellationToken.None).ConfigureAwait(false);
            return written.Error!.Kind == ErrorKind.PreconditionFailed ? Error.Conflict("This invitation link was used already.") : written.Error;
        }

        return accepted.Value;
    }

    /// <summary>Disables or enables a user: their binding row says so first, which every request reads, so tokens stop (or work) at once.</summary>
    public async Task<Result<Versioned<User>>> SetDisabledAsync(Caller caller, string userId, bool disabled, CancellationToken cancellationToken)
    {
        if (RequireAdmin(caller) is { } forbidden)
        {
            return forbidden;
        }

        if (disabled && userId == caller.Id)
        {
            return Error.Conflict("You cannot disable yourself; another super admin can.");
        }

        var current = await directory.GetUserAsync(caller.OrganizationId, userId, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return Error.NotFound("The user");
        }

        if (current.Value.IsActive != disabled)
        {
            return current;
        }

        var changed = disabled ? current.Value.Disabled(clock.GetUtcNow()) : current.Value.Enabled();
        MimeKit.MimeMessage? invitation = null;
        if (!disabled && changed.SignIn is null)
        {
            // Disabling voided the link they had; enabling someone who never signed in sends a fresh one.
            (changed, invitation) = Invite(changed, caller.Organization);
        }

        var keepsAdmin = await KeepsAnAdminAsync(current.Value, changed, cancellationToken).ConfigureAwait(false);
        if (!keepsAdmin.IsSuccess)
        {
            return keepsAdmin.Error!;
        }

        await directory.SetIdentityDisabledAsync(changed, disabled, cancellationToken).ConfigureAwait(false);
        var written = await directory.UpdateUserAsync(current.Value, changed, current.ETag, keepsAdmin.Value, cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            await directory.SetIdentityDisabledAsync(current.Value, !disabled, CancellationToken.None).ConfigureAwait(false);
            return written.Error!;
        }

        if (invitation is not null)
        {
            await mail.SendAsync([invitation], cancellationToken).ConfigureAwait(false);
        }

        return new Versioned<User>(changed, written.Value);
    }

    /// <summary>
    /// Null when the change leaves the user an active super admin or was not one; otherwise another active super admin
    /// whose row the write is conditional on, or a conflict: an organization is never left without someone to run it.
    /// </summary>
    private async Task<Result<AdminWitness?>> KeepsAnAdminAsync(User before, User after, CancellationToken cancellationToken)
    {
        if (!before.StopsBeingActiveSuperAdmin(after))
        {
            return Result<AdminWitness?>.Ok(null);
        }

        return await directory.OtherActiveAdminAsync(before.OrganizationId, before.Id, cancellationToken).ConfigureAwait(false) is { } witness
            ? witness
            : Error.Conflict($"{before.DisplayName} is the organization's only active super admin; make someone else a super admin first.");
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

    public async Task<Result<ListPage<User>>> ListUsersAsync(
        Caller caller, int pageSize, string? continuationToken, bool includeDisabled, CancellationToken cancellationToken)
    {
        if (RequireAdmin(caller) is { } forbidden)
        {
            return forbidden;
        }

        return await directory.ListUsersAsync(caller.OrganizationId, pageSize, continuationToken, includeDisabled, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<Versioned<User>>> UpdateUserAsync(
        Caller caller, string userId, UserInput input, string? ifMatch, CancellationToken cancellationToken)
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
        return await UpdateAsync(caller.Organization, current, current.ETag, input, references, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The caller's own preferences: the language they read the product in (an empty or null one follows the
    /// organization's), their time zone, and a coach's working hours (none: the default office day).
    /// </summary>
    public async Task<Result<User>> SetPreferencesAsync(Caller caller, PreferencesInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var language = string.IsNullOrWhiteSpace(input.Language)
            ? null
            : ProductLanguages.Validate(errors, "language", input.Language, ProductLanguages.Default);
        var timeZone = TimeZones.Validate(errors, "timeZone", input.TimeZone);
        var hours = input.WorkingHours is { } asked ? WorkingHours.Validate(errors, "workingHours", asked.From, asked.To) : null;
        if (errors.Any)
        {
            return errors.ToError();
        }

        // Another edit of the same person (an admin's) may land in between: read again and apply the one field on top of it.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await directory.GetUserAsync(caller.OrganizationId, caller.Id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return Error.NotFound("The user");
            }

            var changed = current.Value with { Language = language, TimeZone = timeZone, WorkingHours = hours };
            if (changed == current.Value)
            {
                return changed;
            }

            var written = await directory.UpdateUserAsync(current.Value, changed, current.ETag, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (written.IsSuccess)
            {
                return changed;
            }
        }

        return Error.Conflict("Your profile kept changing while saving; try again.");
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

    /// <summary>The caller's team, by name: the people they coach, for assigning and scheduling.</summary>
    public async Task<Result<IReadOnlyList<User>>> TeamAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsCoach)
        {
            return Error.Forbidden("Only coaches have a team.");
        }

        var team = await directory.TeamAsync(caller.OrganizationId, caller.Id, cancellationToken).ConfigureAwait(false);
        return Result<IReadOnlyList<User>>.Ok([.. team.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)]);
    }

    public async Task<Result<IReadOnlyList<Group>>> ListGroupsAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsSuperAdmin && !caller.IsCoach)
        {
            return Error.Forbidden("Only super admins and coaches can list groups.");
        }

        return Result<IReadOnlyList<Group>>.Ok(await directory.ListGroupsAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Creates the user with an invitation, or says why not; used by POST /users and by each new row of an import.
    /// The invitation e-mail is the caller's to send, once the user is stored.
    /// </summary>
    internal async Task<Result<(Versioned<User> User, MimeKit.MimeMessage Invitation)>> CreateAsync(
        Domain.Organizations.Organization organization, UserInput input, References references, CancellationToken cancellationToken)
    {
        var prepared = PrepareNew(organization, input, references);
        if (!prepared.IsSuccess)
        {
            return prepared.Error!;
        }

        var (invited, message) = prepared.Value;
        var etag = await directory.CreateUserAsync(invited, cancellationToken).ConfigureAwait(false);
        return etag.IsSuccess ? (new Versioned<User>(invited, etag.Value), message) : etag.Error!;
    }

    /// <summary>A new user with their invitation, validated but not stored (an import stores many in one go).</summary>
    internal Result<(User User, MimeKit.MimeMessage Invitation)> PrepareNew(
        Domain.Organizations.Organization organization, UserInput input, References references)
    {
        var user = input.ToUser(Ids.New(Ids.User), organization.Id, clock.GetUtcNow(), references.GroupIds, references.Coaches);
        return user.IsSuccess ? Invite(user.Value, organization) : user.Error!;
    }

    private (User User, MimeKit.MimeMessage Message) Invite(User user, Domain.Organizations.Organization organization)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var invited = user with { Invitation = Invitation.For(secret, clock.GetUtcNow()) };
        return (invited, invitations.Compose(invited, organization.Name, invited.LanguageIn(organization), Invitation.LinkToken(invited, secret)));
    }

    /// <summary>
    /// Replaces the user's fields, or says why not; used by PUT /users/{id} and by each known row of an import. A pending
    /// invitation is voided by a changed e-mail and a new one goes to the new address.
    /// </summary>
    internal async Task<Result<Versioned<User>>> UpdateAsync(
        Domain.Organizations.Organization organization, Versioned<User> current, string etag, UserInput input, References references,
        CancellationToken cancellationToken)
    {
        var edited = input.ToUser(current.Value.Id, current.Value.OrganizationId, current.Value.CreatedAt, references.GroupIds, references.Coaches);
        if (!edited.IsSuccess)
        {
            return edited.Error!;
        }

        var user = current.Value.Edited(edited.Value);
        MimeKit.MimeMessage? invitation = null;
        if (current.Value.Invitation is not null && user.Invitation is null && user.IsActive)
        {
            (user, invitation) = Invite(user, organization);
        }

        var keepsAdmin = await KeepsAnAdminAsync(current.Value, user, cancellationToken).ConfigureAwait(false);
        if (!keepsAdmin.IsSuccess)
        {
            return keepsAdmin.Error!;
        }

        var written = await directory.UpdateUserAsync(current.Value, user, etag, keepsAdmin.Value, cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            return written.Error!;
        }

        if (invitation is not null)
        {
            await mail.SendAsync([invitation], cancellationToken).ConfigureAwait(false);
        }

        return new Versioned<User>(user, written.Value);
    }

    /// <summary>The ids a user may refer to: the organization's groups, and the coach named (when it is one).</summary>
    internal async Task<References> ReferencesAsync(string organizationId, string? coachId, CancellationToken cancellationToken)
    {
        var groups = await directory.ListGroupsAsync(organizationId, cancellationToken).ConfigureAwait(false);
        var coaches = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(coachId)
            && await directory.GetUserAsync(organizationId, coachId.Trim(), cancellationToken).ConfigureAwait(false) is { Value.IsCoach: true } coach)
        {
            coaches.Add(coach.Value.Id);
        }

        return new References(groups, groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal), coaches);
    }

    /// <summary>What a user's fields may point at.</summary>
    internal sealed record References(IReadOnlyList<Group> Groups, IReadOnlySet<string> GroupIds, IReadOnlySet<string> Coaches);
}
