using Certifications.Domain.Catalog;
using Certifications.Domain.Common;

namespace Certifications.Domain.LiveSessions;

/// <summary>
/// The session's lifecycle as a state machine: the learner joins and waits; the coach starts a call only while the
/// learner waits, may hold more calls, ends the session, then rates it. Each step says who may take it and from where.
/// </summary>
public static class LiveSessionSteps
{
    public const int MaxText = 4000;

    public const int MaxCallType = 100;

    /// <summary>Calls of one session, each a reconnect or another medium; more is not a session any longer.</summary>
    public const int MaxCalls = 20;

    public static Result<LiveSession> Join(LiveSession session, string callerId, DateTimeOffset now)
    {
        if (callerId != session.LearnerId)
        {
            return Error.Forbidden("Only the learner joins the session's waiting room.");
        }

        return session.State switch
        {
            LiveSessionState.LearnerWaiting => session,
            LiveSessionState.Scheduled => session with { State = LiveSessionState.LearnerWaiting, JoinedAt = now },
            _ => Error.Conflict($"The session is {session.State}; it can no longer be joined."),
        };
    }

    /// <summary>The first call, only while the learner waits; two coaches' clicks at once make one call (the second is told).</summary>
    public static Result<LiveSession> Start(LiveSession session, string callerId, string? callType, DateTimeOffset now) =>
        session.State == LiveSessionState.InCall && callerId == session.CoachId
            ? Error.Conflict("The call has already started; use /calls for another call.")
            : StartCall(session, callerId, callType, now);

    /// <summary>A further call within the session, only while one is going on.</summary>
    public static Result<LiveSession> AnotherCall(LiveSession session, string callerId, string? callType, DateTimeOffset now) =>
        session.State is LiveSessionState.LearnerWaiting or LiveSessionState.Scheduled && callerId == session.CoachId
            ? Error.Conflict("No call has started yet; start the first one with /start.")
            : StartCall(session, callerId, callType, now);

    public static Result<LiveSession> StartCall(LiveSession session, string callerId, string? callType, DateTimeOffset now)
    {
        if (callerId != session.CoachId)
        {
            return Error.Forbidden("Only the session's coach starts calls.");
        }

        // Another call of the same kind needs no body: a dropped video call is started again with one click.
        var errors = new FieldErrors();
        var type = string.IsNullOrWhiteSpace(callType) && session.Calls.Count > 0
            ? session.Calls[^1].CallType
            : errors.RequireText("callType", callType, MaxCallType);
        if (errors.Any)
        {
            return errors.ToError();
        }

        if (session.Calls.Count >= MaxCalls)
        {
            return Error.Conflict($"A session holds at most {MaxCalls} calls; end this one and schedule another.");
        }

        return session.State switch
        {
            LiveSessionState.LearnerWaiting or LiveSessionState.InCall =>
                session with { State = LiveSessionState.InCall, Calls = [.. session.Calls, new LiveSessionCall(type!, now)] },
            LiveSessionState.Scheduled => Error.Conflict("The learner is not waiting yet; a call starts once they have joined."),
            _ => Error.Conflict($"The session is {session.State}; no more calls."),
        };
    }

    public static Result<LiveSession> End(LiveSession session, string callerId, DateTimeOffset now)
    {
        if (callerId != session.CoachId)
        {
            return Error.Forbidden("Only the session's coach ends it.");
        }

        return session.State switch
        {
            LiveSessionState.Ended => session,
            LiveSessionState.InCall => session with { State = LiveSessionState.Ended, EndedAt = now },
            _ => Error.Conflict($"The session is {session.State}; only a session in a call can be ended."),
        };
    }

    /// <summary>Every skill of the criterion, 1–5 stars, nothing else; met when each reaches the criterion's minimum.</summary>
    public static Result<LiveSession> Rate(
        LiveSession session, Criterion criterion, string callerId, IReadOnlyDictionary<string, int>? stars, string? comments, string? feedback,
            DateTimeOffset now)
    {
        if (callerId != session.CoachId)
        {
            return Error.Forbidden("Only the session's coach rates it.");
        }

        if (session.State != LiveSessionState.Ended)
        {
            return Error.Conflict($"The session is {session.State}; it is rated once it has ended.");
        }

        var errors = new FieldErrors();
        stars ??= new Dictionary<string, int>();
        foreach (var missing in criterion.Skills.Where(s => !stars.ContainsKey(s)))
        {
            errors.Add("skills", $"'{missing}' is not rated.");
        }

        foreach (var unknown in stars.Keys.Where(s => !criterion.Skills.Contains(s)))
        {
            errors.Add("skills", $"'{unknown}' is not a skill of this criterion.");
        }

        foreach (var (skill, value) in stars.Where(s => s.Value is < 1 or > 5))
        {
            errors.Add("skills", $"'{skill}' has {value} stars; use 1 to 5.");
        }

        comments = errors.RequireText("comments", comments, MaxText, required: false, multiline: true);
        feedback = errors.RequireText("feedback", feedback, MaxText, required: false, multiline: true);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var met = stars.Values.All(v => v >= (criterion.MinStars ?? 1));
        return session with { State = LiveSessionState.Rated, Rating = new LiveSessionRating(stars, comments, feedback, met, now) };
    }

    public static Result<LiveSession> Cancel(LiveSession session, bool byCoachOrAdmin) =>
        !byCoachOrAdmin ? Error.Forbidden("Only the coach or an admin cancels a session.")
        : session.State is LiveSessionState.Scheduled or LiveSessionState.LearnerWaiting ? session with { State = LiveSessionState.Cancelled }
        : session.State == LiveSessionState.Cancelled ? session
        : Error.Conflict($"The session is {session.State}; it can no longer be cancelled.");

    /// <summary>The coach records that the learner did not come, once the session's time has passed.</summary>
    public static Result<LiveSession> MarkNoShow(LiveSession session, string callerId, DateTimeOffset now) =>
        callerId != session.CoachId ? Error.Forbidden("Only the session's coach records a no-show.")
        : session.State != LiveSessionState.Scheduled ? Error.Conflict($"The session is {session.State}; the learner did show up or it is over.")
        : now < session.StartsAt + session.Length ? Error.Conflict("The session's time has not passed yet.")
        : session with { State = LiveSessionState.NoShow };
}
