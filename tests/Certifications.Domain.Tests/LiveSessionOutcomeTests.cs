using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;
using Certifications.Domain.LiveSessions;
using Certifications.Domain.Progress;

namespace Certifications.Domain.Tests;

public class LiveSessionOutcomeTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_skill_at_the_minimum_meets_the_criterion_and_keeps_the_stars_as_a_review()
    {
        var (enrollment, certification, session) = Setup(new() { ["Greeting"] = 4, ["Closing"] = 5 }, met: true);

        var change = LiveSessionOutcome.ApplyTo(enrollment, certification, session, "Carla Coach", Now).Value;

        var progress = change.Enrollment.Progress("cri_live")!;
        Assert.Equal((CriterionState.Met, "live_session"), (progress.State, progress.MetBy));
        var review = Assert.Single(change.Enrollment.Reviews);
        Assert.Equal((ReviewDecision.Demonstrated, 4, session.Id), (review.Decision, review.Rating, review.LiveSessionId));
        Assert.Equal(5, review.SkillStars!["Closing"]);
    }

    [Fact]
    public void A_skill_under_the_minimum_is_not_demonstrated_with_the_feedback()
    {
        var (enrollment, certification, session) = Setup(new() { ["Greeting"] = 3, ["Closing"] = 5 }, met: false);

        var change = LiveSessionOutcome.ApplyTo(enrollment, certification, session, "Carla Coach", Now).Value;

        Assert.Equal(CriterionState.NotDemonstrated, change.Enrollment.Progress("cri_live")!.State);
        Assert.Equal("Slow down.", change.Enrollment.Reviews.Single().Feedback);
        Assert.Equal(EnrollmentStatus.NotEarned, EnrollmentStatusRules.Derive(change.Enrollment));
    }

    [Fact]
    public void The_same_session_applied_twice_changes_nothing()
    {
        var (enrollment, certification, session) = Setup(new() { ["Greeting"] = 3, ["Closing"] = 5 }, met: false);
        var once = LiveSessionOutcome.ApplyTo(enrollment, certification, session, "Carla Coach", Now).Value.Enrollment;

        Assert.False(LiveSessionOutcome.ApplyTo(once, certification, session, "Carla Coach", Now.AddMinutes(1)).Value.Changed);
    }

    [Fact]
    public void An_unrated_session_or_another_kind_of_criterion_is_refused()
    {
        var (enrollment, certification, session) = Setup(new() { ["Greeting"] = 4, ["Closing"] = 4 }, met: true);

        Assert.False(LiveSessionOutcome.ApplyTo(enrollment, certification, session with { Rating = null }, "C", Now).IsSuccess);
        Assert.False(LiveSessionOutcome.ApplyTo(enrollment, certification, session with { CriterionId = "cri_other" }, "C", Now).IsSuccess);
    }

    private static (Enrollment, Certification, LiveSession) Setup(Dictionary<string, int> stars, bool met)
    {
        var certification = Build.Certification() with
        {
            Criteria = [new Criterion { Id = "cri_live", Kind = CriterionKind.LiveSession, Title = "Live call", Skills = ["Greeting", "Closing"],
                MinStars = 4 }],
        };
        var enrollment = Build.Enrollment(certification);
        var session = new LiveSession
        {
            Id = "ses_a",
            OrganizationId = certification.OrganizationId,
            CoachId = "usr_coach",
            LearnerId = enrollment.LearnerId,
            CertificationId = certification.Id,
            CriterionId = "cri_live",
            StartsAt = Now.AddHours(-1),
            Length = TimeSpan.FromMinutes(20),
            State = LiveSessionState.Rated,
            Rating = new LiveSessionRating(stars, "Comments", met ? "Well done." : "Slow down.", met, Now),
        };
        return (enrollment, certification, session);
    }
}
