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

        var references = await users.ReferencesAsync(caller.OrganizationId, null, cancellationToken).ConfigureAwait(false);
        var rows = new List<ImportRow>();
        var invitations = new List<MimeKit.MimeMessage>();
        while (await parser.ReadAsync().ConfigureAwait(false))
        {
            if (rows.Count == MaxRows)
            {
                return Error.Invalid($"A file may hold at most {MaxRows} users; split it and import the parts.");
            }

            rows.Add(await ImportRowAsync(caller.Organization, parser, references, invitations, cancellationToken).ConfigureAwait(false));
        }

        // Sent once every row has landed: a new user is only invited once they exist.
        await mail.SendAsync(invitations, cancellationToken).ConfigureAwait(false);
        return new ImportReport(rows.Count(r => r.Result == "created"), rows.Count(r => r.Result == "updated"), rows.Count(r => r.Result == "failed"), rows);
    }

    private async Task<ImportRow> ImportRowAsync(
        Domain.Organizations.Organization organization, CsvReader row, DirectoryService.References references, List<MimeKit.MimeMessage> invitations, CancellationToken cancellationToken)
    {
        var organizationId = organization.Id;
        var line = row.Parser.RawRow;
        var email = Field(row, "email");
        var groups = Field(row, "groups") ?? Field(row, "groupids");
        var coach = Field(row, "coach") ?? Field(row, "coachid");
        var coachId = coach is not null && coach.Contains('@', StringComparison.Ordinal)
            ? (await directory.FindUserByEmailAsync(organizationId, coach.ToLowerInvariant(), cancellationToken).ConfigureAwait(false))?.Id ?? coach
            : coach;
        var input = new UserInput
        {
            Email = email,
            DisplayName = Field(row, "displayname"),
            Roles = List(Field(row, "roles")),
            GroupIds = [.. List(groups).Select(g => references.Groups.FirstOrDefault(x => x.Id == g || string.Equals(x.Name, g, StringComparison.OrdinalIgnoreCase))?.Id ?? g)],
            CoachId = coachId,
            ExternalId = Field(row, "externalid"),
        };
        var rowReferences = coachId is null ? references : references with { Coaches = (await users.ReferencesAsync(organizationId, coachId, cancellationToken).ConfigureAwait(false)).Coaches };

        var normalized = email?.Trim().ToLowerInvariant();
        var existing = string.IsNullOrEmpty(normalized) ? null : await directory.FindUserByEmailAsync(organizationId, normalized, cancellationToken).ConfigureAwait(false);
        Result<Storage.Common.Versioned<User>> saved;
        if (existing is null)
        {
            var created = await users.CreateAsync(organization, input, rowReferences, cancellationToken).ConfigureAwait(false);
            saved = created.IsSuccess ? created.Value.User : created.Error!;
            if (created.IsSuccess)
            {
                invitations.Add(created.Value.Invitation);
            }
        }
        else
        {
            var current = (await directory.GetUserAsync(organizationId, existing.Id, cancellationToken).ConfigureAwait(false))!;
            saved = await users.UpdateAsync(current, current.ETag, input, rowReferences, cancellationToken).ConfigureAwait(false);
        }

        if (!saved.IsSuccess)
        {
            var messages = saved.Error!.Fields?.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}")).ToArray() ?? [saved.Error.Detail];
            return new ImportRow(line, normalized ?? email, "failed", null, messages);
        }

        return new ImportRow(line, saved.Value.Value.Email, existing is null ? "created" : "updated", saved.Value.Value.Id, null);
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
