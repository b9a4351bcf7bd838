using Certifications.Domain.Enrollments;
using Certifications.Domain.LiveSessions;

namespace Certifications.Functions.LiveSessions;

/// <summary>A live session as the API returns it; <c>history</c> and <c>reviews</c> only for the coach and admins.</summary>
public sealed record LiveSessionResponse(
    string Id, string State, string Mode, string CoachId, string Coach, string LearnerId, string Learner,
    string CertificationId, string Certification, string CriterionId, string Criterion,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int DurationMinutes, DateTimeOffset? JoinedAt, IReadOnlyList<LiveSessionCall> Calls,
    DateTimeOffset? EndedAt, RatingSummary? Rating, bool HasCoachReport, string InvitePath,
    IReadOnlyList<LiveSessionResponse>? History, IReadOnlyList<Review>? Reviews)
{
    /// <summary>The skills the coach rates, each with stars; shown to the coach and admins.</summary>
    public IReadOnlyList<string>? Skills { get; init; }

    /// <summary>The stars every skill needs for the criterion to be met.</summary>
    public int? MinStars { get; init; }

    public static LiveSessionResponse From(LiveSession s, IReadOnlyList<LiveSession>? history = null, IReadOnlyList<Review>? reviews = null) => new(
        s.Id, s.State.ToString(), s.Mode.ToString().ToLowerInvariant(), s.CoachId, s.CoachName, s.LearnerId, s.LearnerName,
        s.CertificationId, s.CertificationTitle, s.CriterionId, s.CriterionTitle,
        s.StartsAt, s.StartsAt + s.Length, (int)s.Length.TotalMinutes, s.JoinedAt, s.Calls,
        s.EndedAt, s.Rating is { } r ? new RatingSummary(
            [.. r.Stars.Select(p => new SkillStars(p.Key, p.Value))], r.Comments, r.Feedback, r.Met, r.RatedAt) : null,
        s.ReportBlob is not null, $"/api/live-sessions/{s.Id}/invite.ics",
        history?.Select(h => From(h)).ToArray(), reviews);
}

/// <summary>The coach's rating of a session.</summary>
public sealed record RatingSummary(IReadOnlyList<SkillStars> Skills, string? Comments, string? Feedback, bool Met, DateTimeOffset RatedAt);
