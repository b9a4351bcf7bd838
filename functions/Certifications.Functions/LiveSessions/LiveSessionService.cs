using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.LiveSessions;
using Certifications.Domain.People;
using Certifications.Domain.Policies;
using Certifications.Domain.Progress;
using Certifications.Functions.Notifications;
using Certifications.Functions.Progress;
using Certifications.Storage.Catalog;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;
using Certifications.Storage.LiveSessions;
using Certifications.Storage.People;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.LiveSessions;

/// <summary>
/// Live certification sessions: a coach schedules them for their team within the calendar rules, the learner joins,
/// the coach runs the calls and rates the skills; the rating completes (or not) the learner's live-session criterion
/// and tells the enrollment's workflow. Every transition is a conditional write, so two clicks at once are one step.
/// </summary>
public sealed class LiveSessionService(
    LiveSessionRepository sessions, DirectoryRepository directory, CertificationRepository certifications, EnrollmentRepository enrollments,
    ProgressService progress, LiveSessionEmail email, IEmailSender mail, RecipientLanguages languages, TimeProvider clock)
{
    private const int Attempts = 3;


    public async Task<Result<LiveSession>> ScheduleAsync(Caller caller, ScheduleInput input, CancellationToken cancellationToken)
    {
        if (!caller.IsCoach && !caller.IsSuperAdmin)
        {
            return Error.Forbidden("Only coaches schedule live sessions.");
        }

        var now = clock.GetUtcNow();
        var asked = input.Validate(now);
        if (!asked.IsSuccess)
        {
            return asked.Error!;
        }

        var learner = (await directory.GetUserAsync(caller.OrganizationId, input.LearnerId!, cancellationToken).ConfigureAwait(false))?.Value;
        if (learner is null)
        {
            return Error.NotFound("The learner");
        }

        if (caller.AssessesSelf(learner.Id) is { } own)
        {
            return own;
        }

        if (!caller.Coaches(learner) && !caller.IsSuperAdmin)
        {
            return Error.Forbidden($"{learner.DisplayName} is not in your team; coaches schedule sessions for their own learners.");
        }

        var certification = (await certifications.GetAsync(caller.OrganizationId, input.CertificationId!, cancellationToken).ConfigureAwait(false))?.Value;
        if (certification is null)
        {
            return Error.NotFound("The certification");
        }

        if (certification.Criteria.FirstOrDefault(c => c.Id == input.CriterionId) is not { Kind: CriterionKind.LiveSession } criterion)
        {
            return Error.Invalid("criterionId", "is not a live session criterion of this certification.");
        }

        if (await enrollments.GetAsync(
            caller.OrganizationId, certification.Id, learner.Id, cancellationToken).ConfigureAwait(false) is not { Value.IsActive: true })
        {
            return Error.Conflict($"{learner.DisplayName} is not enrolled in \"{certification.Title}\".");
        }

        var (slot, mode) = asked.Value;
        var session = new LiveSession
        {
            Id = Ids.New(Ids.LiveSession),
            OrganizationId = caller.OrganizationId,
            CoachId = caller.Id,
            CoachName = caller.User.DisplayName,
            CoachEmail = caller.User.Email,
            LearnerId = learner.Id,
            LearnerName = learner.DisplayName,
            LearnerEmail = learner.Email,
            CertificationId = certification.Id,
            CertificationTitle = certification.Title,
            CriterionId = criterion.Id,
            CriterionTitle = criterion.Title,
            StartsAt = slot.Start,
            Length = slot.Length,
            Mode = mode,
            ScheduledAt = now,
        };
        for (var attempt = 1; ; attempt++)
        {
            var calendar = await sessions.CalendarAsync(
                caller.OrganizationId, caller.Id, slot.Start.AddDays(-1), slot.End.AddDays(1), cancellationToken).ConfigureAwait(false);
            if (mode == LiveSessionMode.Sync && Refusal(calendar, slot) is { } refused)
            {
                return refused;
            }

            var booked = await sessions.ScheduleAsync(session, calendar, cancellationToken).ConfigureAwait(false);
            if (booked.IsSuccess)
            {
                break;
            }

            if (attempt == Attempts)
            {
                return booked.Error!;
            }
        }

        var learnerReads = await languages.ReaderAsync(session.OrganizationId, session.LearnerId, cancellationToken).ConfigureAwait(false);
        var coachReads = await languages.ReaderAsync(session.OrganizationId, session.CoachId, cancellationToken).ConfigureAwait(false);
        await mail.SendAsync(email.Invitation(session, learnerReads, coachReads), cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>The starts on a day of the coach's calendar, within their working hours, at which they could take a session of this length.</summary>
    public async Task<Result<Availability>> AvailabilityAsync(
        Caller caller, string? coachId, AvailabilityQuery query, CancellationToken cancellationToken)
    {
        if (!caller.IsCoach && !caller.IsSuperAdmin)
        {
            return Error.Forbidden("Only coaches and admins look up coaches' availability.");
        }

        var now = clock.GetUtcNow();
        var asked = query.Validate(now);
        if (!asked.IsSuccess)
        {
            return asked.Error!;
        }

        var coach = (await directory.GetUserAsync(caller.OrganizationId, coachId ?? caller.Id, cancellationToken).ConfigureAwait(false))?.Value;
        if (coach is null || !coach.IsCoach)
        {
            return Error.NotFound("The coach");
        }

        // The day is the coach's own, in their zone: a Tokyo coach's Wednesday from 09:00 to 17:00 Tokyo time, every free start of it.
        var (date, length) = asked.Value;
        var zone = coach.Zone;
        var (from, to) = (coach.WorkingHours ?? WorkingHours.Default).On(date, zone);
        var calendar = await sessions.CalendarAsync(
            caller.OrganizationId, coach.Id, from.AddDays(-1), to.AddDays(1), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<DateTimeOffset> starts =
            [.. ScheduleRules.FreeStarts(Booked(calendar), from, to, length, WorkingHours.Grid).Where(s => s >= now)];
        return new Availability(date, length, starts, zone.Id, coach.WorkingHours ?? WorkingHours.Default);
    }

    /// <summary>The caller's sessions as coach and as learner (someone can be both), soonest first.</summary>
    public async Task<Result<IReadOnlyList<LiveSession>>> MineAsync(
        Caller caller, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        foreach (var (field, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is { } at)
            {
                errors.RequireNear(field, at, now, TimeRanges.PlanningHorizon);
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var (start, end) = (from ?? now.AddDays(-1), to ?? now.AddDays(60));
        var asLearner = await sessions.ForUserAsync(caller.OrganizationId, caller.Id, asCoach: false, start, end, cancellationToken).ConfigureAwait(false);
        var asCoach = caller.IsCoach
            ? await sessions.ForUserAsync(caller.OrganizationId, caller.Id, asCoach: true, start, end, cancellationToken).ConfigureAwait(false)
            : [];
        return Result<IReadOnlyList<LiveSession>>.Ok([.. asCoach.Concat(asLearner).OrderBy(s => s.StartsAt)]);
    }

    /// <summary>A session for its coach, its learner or an admin; the coach and admins also get the learner's history.</summary>
    public async Task<Result<VisibleLiveSession>> GetAsync(Caller caller, string sessionId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(caller, sessionId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var session = found.Value.Value;
        if (caller.Id == session.LearnerId)
        {
            return new VisibleLiveSession(session, null, null);
        }

        var historyTask = sessions.HistoryAsync(caller.OrganizationId, session.LearnerId, session.CertificationId, cancellationToken);
        var recordTask = enrollments.GetAsync(caller.OrganizationId, session.CertificationId, session.LearnerId, cancellationToken);
        var certification = await certifications.GetAsync(caller.OrganizationId, session.CertificationId, cancellationToken).ConfigureAwait(false);
        var (history, record) = (await historyTask.ConfigureAwait(false), await recordTask.ConfigureAwait(false));
        return new VisibleLiveSession(session, [.. history.Where(s => s.Id != session.Id)], record?.Value.Reviews)
        {
            Criterion = certification?.Value.Criteria.FirstOrDefault(c => c.Id == session.CriterionId),
        };
    }

    public Task<Result<LiveSession>> JoinAsync(Caller caller, string id, CancellationToken cancellationToken) =>
        StepAsync(caller, id, (s, now) => LiveSessionSteps.Join(s, caller.Id, now), cancellationToken);

    public Task<Result<LiveSession>> StartAsync(Caller caller, string id, string? callType, CancellationToken cancellationToken) =>
        CoachStepAsync(caller, id, (s, now) => LiveSessionSteps.Start(s, caller.Id, callType, now), cancellationToken);

    public Task<Result<LiveSession>> AnotherCallAsync(Caller caller, string id, string? callType, CancellationToken cancellationToken) =>
        CoachStepAsync(caller, id, (s, now) => LiveSessionSteps.AnotherCall(s, caller.Id, callType, now), cancellationToken);

    public Task<Result<LiveSession>> EndAsync(Caller caller, string id, CancellationToken cancellationToken) =>
        CoachStepAsync(caller, id, (s, now) => LiveSessionSteps.End(s, caller.Id, now), cancellationToken);

    public Task<Result<LiveSession>> CancelAsync(Caller caller, string id, CancellationToken cancellationToken) =>
        StepAsync(caller, id, (s, _) => LiveSessionSteps.Cancel(s, caller.Id == s.CoachId || caller.IsSuperAdmin), cancellationToken);

    public Task<Result<LiveSession>> NoShowAsync(Caller caller, string id, CancellationToken cancellationToken) =>
        StepAsync(caller, id, (s, now) => LiveSessionSteps.MarkNoShow(s, caller.Id, now), cancellationToken);

    /// <summary>
    /// Rates the ended session, then applies the rating to the learner's record and signals its workflow. Rating a
    /// session that is already rated only repeats the second half, so a retry after a crash completes the record.
    /// </summary>
    public async Task<Result<LiveSession>> RateAsync(
        Caller caller, string id, RatingInput input, Func<LiveSession, Task<string?>>? saveReport, DurableTaskClient durable,
            CancellationToken cancellationToken)
    {
        var found = await FindAsync(caller, id, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var certification = (await certifications.GetAsync(
            caller.OrganizationId, found.Value.Value.CertificationId, cancellationToken).ConfigureAwait(false))?.Value;
        var criterion = certification?.Criteria.FirstOrDefault(c => c.Id == found.Value.Value.CriterionId);
        if (certification is null || criterion is null)
        {
            return Error.Conflict("The session's certification or criterion no longer exists.");
        }

        if (await StillCoachesAsync(caller, found.Value.Value, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        LiveSession rated;
        if (found.Value.Value is { State: LiveSessionState.Rated } already && caller.Id == already.CoachId)
        {
            rated = already;
        }
        else
        {
            var stars = input.Stars();
            if (!stars.IsSuccess)
            {
                return stars.Error!;
            }

            var step = await StepAsync(
                caller, id, (s, now) =>
                LiveSessionSteps.Rate(
                s, criterion, caller.Id, stars.Value, input.Comments, input.Feedback, now), cancellationToken, saveReport, found.Value).ConfigureAwait(false);
            if (!step.IsSuccess)
            {
                return step.Error!;
            }

            rated = step.Value;
        }

        await progress.ApplyAsSystemAsync(certification, rated.LearnerId,
            (enrollment, current, now) => LiveSessionOutcome.ApplyTo(enrollment, current, rated, rated.CoachName, now), durable, cancellationToken)
                .ConfigureAwait(false);

        return rated;
    }

    /// <summary>A step only the session's coach takes, and only while they still coach the learner (or are an admin).</summary>
    private async Task<Result<LiveSession>> CoachStepAsync(
        Caller caller, string id, Func<LiveSession, DateTimeOffset, Result<LiveSession>> step, CancellationToken cancellationToken)
    {
        var found = await FindAsync(caller, id, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        return await StillCoachesAsync(caller, found.Value.Value, cancellationToken).ConfigureAwait(false) is { } refused
            ? refused
            : await StepAsync(caller, id, step, cancellationToken, read: found.Value).ConfigureAwait(false);
    }

    /// <summary>Why the caller may no longer run this session's coaching steps, or null: reassigned learners go to their new coach.</summary>
    private async Task<Error?> StillCoachesAsync(Caller caller, LiveSession session, CancellationToken cancellationToken)
    {
        if (caller.AssessesSelf(session.LearnerId) is { } own)
        {
            return own;
        }

        if (caller.IsSuperAdmin || caller.Id != session.CoachId)
        {
            return null;
        }

        var learner = (await directory.GetUserAsync(caller.OrganizationId, session.LearnerId, cancellationToken).ConfigureAwait(false))?.Value;
        return learner is not null && caller.Coaches(learner)
            ? null
            : Error.Forbidden($"You no longer coach {session.LearnerName}; their coach or an admin runs this session now.");
    }

    /// <summary>Reads the session (or starts from <paramref name="read"/>), applies the step, writes it if nobody changed it meanwhile; retries on a
    /// lost race.</summary>
    private async Task<Result<LiveSession>> StepAsync(
        Caller caller, string id, Func<LiveSession, DateTimeOffset, Result<LiveSession>> step, CancellationToken cancellationToken,
        Func<LiveSession, Task<string?>>? beforeWrite = null, Versioned<LiveSession>? read = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = attempt == 1 && read is not null ? read : await FindAsync(caller, id, cancellationToken).ConfigureAwait(false);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var changed = step(found.Value.Value, clock.GetUtcNow());
            if (!changed.IsSuccess || changed.Value == found.Value.Value)
            {
                return changed;
            }

            var next = changed.Value;
            if (beforeWrite is not null && await beforeWrite(next).ConfigureAwait(false) is { } report)
            {
                next = next with { ReportBlob = report };
            }

            var written = await sessions.UpdateAsync(next, found.Value.ETag, cancellationToken).ConfigureAwait(false);
            if (written.IsSuccess)
            {
                return next;
            }

            if (attempt == Attempts)
            {
                return written.Error!;
            }
        }
    }

    /// <summary>The session if the caller is its coach, its learner or an admin of the organization; 404 for anyone else.</summary>
    private async Task<Result<Versioned<LiveSession>>> FindAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var found = await sessions.GetAsync(caller.OrganizationId, id, cancellationToken).ConfigureAwait(false);
        return found is not null && (caller.IsSuperAdmin || caller.Id == found.Value.CoachId || caller.Id == found.Value.LearnerId)
            ? found
            : Error.NotFound("The live session");
    }

    private static List<Slot> Booked(CoachCalendar calendar) => [.. calendar.Sessions.Where(s => s.OccupiesCalendar).Select(s => s.Slot)];

    private static Error? Refusal(CoachCalendar calendar, Slot slot)
    {
        var booked = Booked(calendar);
        var verdict = ScheduleRules.Check(booked, slot);
        if (verdict.Allowed)
        {
            return null;
        }

        var next = ScheduleRules.NextFit(booked, slot.Start, slot.Length);
        return new Error(ErrorKind.Conflict, "Outside the coach's calendar rules",
            $"{verdict.Reason}{(next is { } n ? $" The next slot that works starts at {n:yyyy-MM-dd HH:mm} UTC." : string.Empty)}")
        {
            Extensions = new Dictionary<string, object?> { ["rule"] = Rule(verdict.Broken!.Value), ["nextSlot"] = next },
        };
    }

    private static string Rule(ScheduleRule rule) => rule switch
    {
        ScheduleRule.Overlap => "overlap",
        ScheduleRule.MaxPerHour => "max-3-per-hour",
        _ => "break-after-3-in-a-row",
    };
}

/// <summary>A session as its reader sees it; the coach and admins also see the learner's earlier sessions and reviews.</summary>
public sealed record VisibleLiveSession(LiveSession Session, IReadOnlyList<LiveSession>? History, IReadOnlyList<Domain.Enrollments.Review>? Reviews)
{
    /// <summary>What the session assesses (the skills to rate and the stars needed), for its coach and admins.</summary>
    public Domain.Catalog.Criterion? Criterion { get; init; }
}

/// <summary>The coach's rating as the API receives it.</summary>
public sealed record RatingInput(IReadOnlyList<SkillStars>? Skills, string? Comments, string? Feedback)
{
    public Result<IReadOnlyDictionary<string, int>> Stars()
    {
        var stars = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rated in Skills ?? [])
        {
            if (string.IsNullOrWhiteSpace(rated.Skill) || rated.Stars is null)
            {
                return Error.Invalid("skills", "every entry needs a skill and its stars.");
            }

            if (!stars.TryAdd(rated.Skill.Trim(), rated.Stars.Value))
            {
                return Error.Invalid("skills", $"'{rated.Skill}' is rated twice.");
            }
        }

        return stars;
    }
}

/// <summary>One skill's stars.</summary>
public sealed record SkillStars(string? Skill, int? Stars);
