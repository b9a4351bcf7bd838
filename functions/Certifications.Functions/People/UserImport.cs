using System.Globalization;
using Certifications.Domain.Common;
using Certifications.Domain.People;
using Certifications.Domain.Policies;
using Certifications.Functions.Notifications;
using Certifications.Storage.People;
using CsvHelper;
using CsvHelper.Configuration;

namespace Certifications.Functions.People;

/// <summary>
/// Imports users from CSV (columns email, displayName, roles, groups, coach, externalId; lists separated by ';',
/// groups by name or id, coach by e-mail or id). Each row lands whole or not at all; a known e-mail updates that user,
/// so importing the same file twice changes nothing the second time.
/// </summary>
public sealed class UserImport(DirectoryService users, DirectoryRepository directory, IEmailSender mail)
{
    public const int MaxRows = 5000;

    /// <summary>A file to start from: the columns the import reads, and one example row in the forms it accepts.</summary>
    public static readonly string Template =
        "email,displayName,roles,groups,coach,externalId\r\n"
        + "lena.learner@example.com,Lena Learner,Learner,Sales;Support,carla.coach@example.com,lms-1042\r\n";

    private static readonly string[] RequiredColumns = ["email", "displayname", "roles"];

    public async Task<Result<ImportReport>> ImportAsync(Caller caller, Stream csv, CancellationToken cancellationToken)
    {
        if (DirectoryService.RequireAdmin(caller) is { } forbidden)
        {
            return forbidden;
        }

        using var reader = new StreamReader(csv);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var parser = new CsvReader(reader, configuration);
        if (!await parser.ReadAsync().ConfigureAwait(false) || !parser.ReadHeader())
        {
            return Error.Invalid("The file is empty; the first line must name the columns: email, displayName, roles, groups, coach, externalId.");
        }

        var header = parser.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            return Error.Invalid($"The first line must name the columns; missing: {string.Join(", ", missing)}.");
        }

        var parsed = new List<ParsedRow>();
        while (await parser.ReadAsync().ConfigureAwait(false))
        {
            if (parsed.Count == MaxRows)
            {
                return Error.Invalid($"A file may hold at most {MaxRows} users; split it and import the parts.");
            }

            parsed.Add(ParsedRow.From(parser));
        }

        var rows = await ImportRowsAsync(caller.Organization, parsed, cancellationToken).ConfigureAwait(false);
        return new ImportReport(rows.Count(r => r.Result == "created"), rows.Count(r => r.Result == "updated"), rows.Count(r => r.Result == "failed"), rows);
    }

    /// <summary>
    /// Looks up every e-mail and coach of the file at once (point reads side by side), decides each row, writes the new
    /// users in shared transactions and the changed ones one by one, and then sends the invitations of those created.
    /// </summary>
    private async Task<IReadOnlyList<ImportRow>> ImportRowsAsync(
        Domain.Organizations.Organization organization, IReadOnlyList<ParsedRow> parsed, CancellationToken cancellationToken)
    {
        var organizationId = organization.Id;

        // Every row is checked before anything is looked up: a cell that is no e-mail address is that row's error, never a key.
        var outcomes = new ImportRow?[parsed.Count];
        for (var i = 0; i < parsed.Count; i++)
        {
            if (Unaddressable(parsed[i]) is { } error)
            {
                outcomes[i] = Failed(parsed[i], error);
            }
        }

        var addressable = parsed.Where((_, i) => outcomes[i] is null).ToArray();
        var references = await users.ReferencesAsync(organizationId, null, cancellationToken).ConfigureAwait(false);
        var emails = addressable.Select(r => r.Email)
            .Concat(addressable.Select(r => r.Coach).Where(c => c?.Contains('@', StringComparison.Ordinal) == true))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var idsByEmail = new Dictionary<string, string>(
            await directory.FindUserIdsByEmailAsync(organizationId, emails, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        string? CoachIdOf(ParsedRow row) =>
            row.Coach is { } coach && coach.Contains('@', StringComparison.Ordinal) ? idsByEmail.GetValueOrDefault(coach) ?? coach : row.Coach;
        var named = await directory.GetUsersAsync(organizationId, addressable.Select(CoachIdOf).OfType<string>(), cancellationToken).ConfigureAwait(false);
        var coaches = named.Values.Where(u => u.IsCoach).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var rowReferences = references with { Coaches = coaches };

        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var newEmails = addressable.Where(r => r.Email is not null && !idsByEmail.ContainsKey(r.Email)).Select(r => r.Email!).ToHashSet(StringComparer.Ordinal);
        var pending = new List<int>();
        for (var i = 0; i < parsed.Count; i++)
        {
            var row = parsed[i];
            if (outcomes[i] is not null)
            {
                continue;
            }

            if (row.Email is { } email && !firstLineOf.TryAdd(email, row.Line))
            {
                outcomes[i] = Failed(row, [$"email: {email} is on line {firstLineOf[email]} already."]);
            }
            else if (row.Email is not null && idsByEmail.TryGetValue(row.Email, out var existingId)
                && await directory.GetUserAsync(organizationId, existingId, cancellationToken).ConfigureAwait(false) is { } current)
            {
                var updated = await users.UpdateAsync(
                    organization, current, current.ETag, row.ToInput(references, CoachIdOf(row)), rowReferences, cancellationToken).ConfigureAwait(false);
                outcomes[i] = updated.IsSuccess ? new ImportRow(
                    row.Line, updated.Value.Value.Email, "updated", updated.Value.Value.Id, null) : Failed(row, updated.Error!);
            }
            else
            {
                pending.Add(i);
            }
        }

        // New users are written in rounds: a row whose coach is a new user of the file waits until that coach exists,
        // so nobody is given a coach who was not created.
        while (pending.Count > 0)
        {
            var ready = pending.Where(
                i => parsed[i].Coach is not { } coach || !coach.Contains('@', StringComparison.Ordinal) || !newEmails.Contains(coach)).ToList();
            var lastRound = ready.Count == 0;
            ready = lastRound ? pending : ready;
            var creates = new List<(int Index, User User, MimeKit.MimeMessage Invitation)>();
            foreach (var i in ready)
            {
                var prepared = users.PrepareNew(organization, parsed[i].ToInput(references, CoachIdOf(parsed[i])), rowReferences);
                if (prepared.IsSuccess)
                {
                    creates.Add((i, prepared.Value.User, prepared.Value.Invitation));
                }
                else
                {
                    outcomes[i] = Failed(parsed[i], prepared.Error!);
                }
            }

            var written = await directory.CreateUsersAsync([.. creates.Select(c => c.User)], cancellationToken).ConfigureAwait(false);
            var invitations = new List<MimeKit.MimeMessage>();
            foreach (var ((index, user, invitation), result) in creates.Zip(written))
            {
                outcomes[index] = result.IsSuccess ? new ImportRow(parsed[index].Line, user.Email, "created", user.Id, null) : Failed(
                    parsed[index], result.Error!);
                if (result.IsSuccess)
                {
                    invitations.Add(invitation);
                    idsByEmail[user.Email] = user.Id;
                    if (user.IsCoach)
                    {
                        coaches.Add(user.Id);
                    }
                }

                newEmails.Remove(parsed[index].Email ?? string.Empty);
            }

            // Sent as each round lands: a user the report calls created has had their invitation, even if a later round fails.
            await mail.SendAsync(invitations, cancellationToken).ConfigureAwait(false);
            pending = lastRound ? [] : [.. pending.Except(ready)];
            foreach (var failed in ready.Where(i => outcomes[i]?.Result == "failed"))
            {
                newEmails.Remove(parsed[failed].Email ?? string.Empty);
            }
        }

        return [.. outcomes.Select(o => o!)];
    }

    /// <summary>The row's e-mail or coach e-mail is no address: nothing of the row may be looked up.</summary>
    private static Error? Unaddressable(ParsedRow row)
    {
        var errors = new FieldErrors();
        UserInput.NormalizeEmail(errors, row.RawEmail);
        if (row.Coach is { } coach && coach.Contains('@', StringComparison.Ordinal) && UserInput.NormalizeEmail(new FieldErrors(), coach) is null)
        {
            errors.Add("coach", $"'{TextRules.Excerpt(coach)}' is not an e-mail address.");
        }

        return errors.Any ? errors.ToError() : null;
    }

    private static ImportRow Failed(ParsedRow row, Error error) =>
        Failed(row, error.Fields?.SelectMany(f => f.Value.Select(m => $"{ColumnOf(f.Key)}: {m}")).ToArray() ?? [error.Detail]);

    /// <summary>The file's column a field of the API comes from: a row's problem is named as the person wrote the file.</summary>
    private static string ColumnOf(string field) => field switch
    {
        "groupIds" => "groups",
        "coachId" => "coach",
        _ => field,
    };

    private static ImportRow Failed(ParsedRow row, IReadOnlyList<string> messages) => new(row.Line, row.Email ?? row.RawEmail, "failed", null, messages);

    /// <summary>One CSV row's fields as the file has them, its e-mail lower-cased.</summary>
    private sealed record ParsedRow(int Line, string? RawEmail, string? DisplayName, string? Roles, string? Groups, string? Coach, string? ExternalId)
    {
        public string? Email => RawEmail?.Trim().ToLowerInvariant() is { Length: > 0 } email ? email : null;

        public static ParsedRow From(CsvReader row) => new(
            row.Parser.RawRow, Field(row, "email"), Field(row, "displayname"), Field(row, "roles"),
            Field(row, "groups") ?? Field(row, "groupids"), CoachField(Field(row, "coach") ?? Field(row, "coachid")), Field(row, "externalid"));

        /// <summary>A coach named by e-mail is looked up lower-cased, like every e-mail; by id as written.</summary>
        private static string? CoachField(string? coach) => coach?.Contains('@', StringComparison.Ordinal) == true ? coach.ToLowerInvariant() : coach;

        /// <summary>Groups by id or name (any case), the coach as resolved.</summary>
        public UserInput ToInput(DirectoryService.References references, string? coachId) => new()
        {
            Email = RawEmail,
            DisplayName = DisplayName,
            Roles = List(Roles),
            GroupIds = [.. List(Groups).Select(
                g => references.Groups.FirstOrDefault(x => x.Id == g || string.Equals(x.Name, g, StringComparison.OrdinalIgnoreCase))?.Id ?? g)],
            CoachId = coachId,
            ExternalId = ExternalId,
        };
    }

    private static string? Field(CsvReader row, string name) =>
        row.TryGetField<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string[] List(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>What an import did: counts, and one line per row (line numbers as in the file, the header being line 1).</summary>
public sealed record ImportReport(int Created, int Updated, int Failed, IReadOnlyList<ImportRow> Rows);

/// <summary>One row's outcome: created, updated or failed (with why).</summary>
public sealed record ImportRow(int Line, string? Email, string Result, string? UserId, IReadOnlyList<string>? Errors);
