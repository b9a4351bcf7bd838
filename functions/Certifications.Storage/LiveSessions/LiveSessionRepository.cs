using Azure;
using Azure.Data.Tables;
using Certifications.Domain.Common;
using Certifications.Domain.LiveSessions;
using Certifications.Storage.Common;

namespace Certifications.Storage.LiveSessions;

/// <summary>
/// Live sessions, one partition per organization. Scheduling writes the session together with the coach's calendar
/// row in one transaction, conditional on the calendar row's ETag: two sessions booked for one coach at once cannot
/// both pass the calendar rules, because one of the two transactions fails and is checked again.
/// </summary>
public sealed class LiveSessionRepository(StorageAccount storage)
{
    private readonly TableClient table = storage.Table(TableNames.LiveSessions);

    public async Task<Versioned<LiveSession>?> GetAsync(string organizationId, string sessionId, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsWellFormed(sessionId, Ids.LiveSession))
        {
            return null;
        }

        var found = await table.GetEntityIfExistsAsync<LiveSessionEntity>(
            organizationId, sessionId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? new Versioned<LiveSession>(found.Value!.ToSession(), found.Value.ETag.ToString()) : null;
    }

    /// <summary>The coach's sessions starting in [from, to), and the calendar's version to schedule against.</summary>
    public async Task<CoachCalendar> CalendarAsync(
        string organizationId, string coachId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var version = await table.GetEntityIfExistsAsync<TableEntity>(
            organizationId, CalendarRow(coachId), cancellationToken: cancellationToken).ConfigureAwait(false);
        var sessions = await QueryAsync(
            TableClient.CreateQueryFilter(
            $"PartitionKey eq {organizationId} and CoachId eq {coachId} and StartsAt ge {from} and StartsAt lt {to}"), cancellationToken).ConfigureAwait(false);
        return new CoachCalendar(sessions, version.HasValue ? version.Value!.ETag.ToString() : null);
    }

    /// <summary>Books the session if the coach's calendar is still the one that was checked; a conflict otherwise.</summary>
    public async Task<Result<string>> ScheduleAsync(LiveSession session, CoachCalendar checkedAgainst, CancellationToken cancellationToken = default)
    {
        var calendar = new TableEntity(session.OrganizationId, CalendarRow(session.CoachId)) { ["LastScheduled"] = session.Id };
        TableTransactionAction guard = checkedAgainst.Version is { } version
            ? new(TableTransactionActionType.UpdateReplace, calendar, new ETag(version))
            : new(TableTransactionActionType.Add, calendar);
        try
        {
            var response = await table.SubmitTransactionAsync(
                [new(TableTransactionActionType.Add, LiveSessionEntity.From(session)), guard], cancellationToken).ConfigureAwait(false);
            return response.Value[0].Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return Error.Conflict("The coach's calendar changed while this session was being booked.");
        }
    }

    public Task<Result<string>> UpdateAsync(LiveSession session, string etag, CancellationToken cancellationToken = default) =>
        TableWrites.ConditionalAsync(
            () => table.UpdateEntityAsync(LiveSessionEntity.From(session), new ETag(etag), TableUpdateMode.Replace, cancellationToken), "The live session");

    /// <summary>A coach's or learner's sessions starting in [from, to), soonest first.</summary>
    public Task<IReadOnlyList<LiveSession>> ForUserAsync(
        string organizationId, string userId, bool asCoach, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        QueryAsync(asCoach
            ? TableClient.CreateQueryFilter($"PartitionKey eq {organizationId} and CoachId eq {userId} and StartsAt ge {from} and StartsAt lt {to}")
            : TableClient.CreateQueryFilter(
                $"PartitionKey eq {organizationId} and LearnerId eq {userId} and StartsAt ge {from} and StartsAt lt {to}"), cancellationToken);

    /// <summary>Every session a learner had for one certification, oldest first: the coach's view of their history.</summary>
    public Task<IReadOnlyList<LiveSession>> HistoryAsync(
        string organizationId, string learnerId, string certificationId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            TableClient.CreateQueryFilter(
            $"PartitionKey eq {organizationId} and LearnerId eq {learnerId} and CertificationId eq {certificationId}"), cancellationToken);

    /// <summary>Every query filters on a coach or learner column, which the calendar rows do not have.</summary>
    private async Task<IReadOnlyList<LiveSession>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var sessions = new List<LiveSession>();
        await foreach (var entity in table.QueryAsync<LiveSessionEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            sessions.Add(entity.ToSession());
        }

        return [.. sessions.OrderBy(s => s.StartsAt)];
    }

    private static string CalendarRow(string coachId) => "calendar|" + coachId;
}

/// <summary>A coach's sessions in a window and the version of their calendar they were read at.</summary>
public sealed record CoachCalendar(IReadOnlyList<LiveSession> Sessions, string? Version);
