using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.LiveSessions;

namespace Certifications.Domain.Tests;

public class LiveSessionStepsTests
{
    private const string Coach = "usr_coach";
    private const string Learner = "usr_learner";

    private static readonly Criterion LiveCriterion = new()
    {
        Id = Ids.New(Ids.Criterion),
        Kind = CriterionKind.LiveSession,
        Title = "Live call",
        Skills = ["Greeting", "Discovery", "Closing"],
        MinStars = 4,
    };

    private static LiveSession Scheduled => new()
    {
        Id = "lsn_1",
        OrganizationId = Build.OrgId,
        CoachId = Coach,
        LearnerId = Learner,
        CertificationId = "crt_1",
        CriterionId = LiveCriterion.Id,
        StartsAt = Build.Now,
        Length = TimeSpan.FromMinutes(20),
    };

    private static LiveSession Ended
    {
        get
        {
            var waiting = LiveSessionSteps.Join(Scheduled, Learner, Build.Now).Value;
            var inCall = LiveSessionSteps.StartCall(waiting, Coach, "Role-play", Build.Now).Value;
            return LiveSessionSteps.End(LiveSessionSteps.StartCall(inCall, Coach, "Debrief", Build.Now).Value, Coach, Build.Now).Value;
        }
    }

    [Fact]
    public void A_session_goes_from_waiting_through_two_calls_to_ended()
    {
        Assert.Equal(LiveSessionState.Ended, Ended.State);
        Assert.Equal(["Role-play", "Debrief"], Ended.Calls.Select(c => c.CallType));
    }

    [Fact]
    public void The_coach_starts_a_call_only_while_the_learner_waits()
    {
        Assert.Equal(ErrorKind.Conflict, LiveSessionSteps.StartCall(Scheduled, Coach, "Role-play", Build.Now).Error!.Kind);
    }

    [Fact]
    public void A_learner_can_neither_start_nor_rate_and_a_coach_cannot_join()
    {
        var waiting = LiveSessionSteps.Join(Scheduled, Learner, Build.Now).Value;

        Assert.Equal(ErrorKind.Forbidden, LiveSessionSteps.StartCall(waiting, Learner, "Role-play", Build.Now).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, LiveSessionSteps.Rate(Ended, LiveCriterion, Learner, Stars(5, 5, 5), null, null, Build.Now).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, LiveSessionSteps.Join(Scheduled, Coach, Build.Now).Error!.Kind);
    }

    [Fact]
    public void Joining_twice_is_the_same_as_once()
    {
        var once = LiveSessionSteps.Join(Scheduled, Learner, Build.Now).Value;

        Assert.Equal(once, LiveSessionSteps.Join(once, Learner, Build.Now.AddMinutes(1)).Value);
    }

    [Fact]
    public void A_session_is_rated_only_after_it_ended()
    {
        var waiting = LiveSessionSteps.Join(Scheduled, Learner, Build.Now).Value;

        Assert.Equal(ErrorKind.Conflict, LiveSessionSteps.Rate(waiting, LiveCriterion, Coach, Stars(5, 5, 5), null, null, Build.Now).Error!.Kind);
    }

    [Fact]
    public void Every_skill_reaching_the_minimum_meets_the_criterion_one_below_does_not()
    {
        var met = LiveSessionSteps.Rate(Ended, LiveCriterion, Coach, Stars(4, 5, 4), "Good", "Keep it up", Build.Now).Value;
        var notMet = LiveSessionSteps.Rate(Ended, LiveCriterion, Coach, Stars(4, 3, 5), null, "Work on discovery", Build.Now).Value;

        Assert.True(met.Rating!.Met);
        Assert.Equal(LiveSessionState.Rated, met.State);
        Assert.False(notMet.Rating!.Met);
    }

    [Fact]
    public void Stars_outside_one_to_five_an_unknown_skill_or_a_missing_one_are_refused()
    {
        var outOfRange = LiveSessionSteps.Rate(Ended, LiveCriterion, Coach, Stars(6, 5, 5), null, null, Build.Now);
        var unknown = LiveSessionSteps.Rate(
            Ended, LiveCriterion, Coach, new Dictionary<string, int> { ["Greeting"] = 5, ["Discovery"] = 5, ["Closing"] = 5, ["Juggling"] = 5 }, null,
            null, Build.Now);
        var missing = LiveSessionSteps.Rate(Ended, LiveCriterion, Coach, new Dictionary<string, int> { ["Greeting"] = 5 }, null, null, Build.Now);

        Assert.All([outOfRange, unknown, missing], r => Assert.Contains("skills", r.Error!.Fields!.Keys));
    }

    [Fact]
    public void A_no_show_is_recorded_only_after_the_session_time_and_only_if_the_learner_never_came()
    {
        Assert.Equal(ErrorKind.Conflict, LiveSessionSteps.MarkNoShow(Scheduled, Coach, Build.Now.AddMinutes(10)).Error!.Kind);
        Assert.Equal(LiveSessionState.NoShow, LiveSessionSteps.MarkNoShow(Scheduled, Coach, Build.Now.AddMinutes(20)).Value.State);
        Assert.Equal(ErrorKind.Conflict, LiveSessionSteps.MarkNoShow(Ended, Coach, Build.Now.AddHours(1)).Error!.Kind);
    }

    [Fact]
    public void Only_sessions_not_yet_in_a_call_can_be_cancelled()
    {
        Assert.Equal(LiveSessionState.Cancelled, LiveSessionSteps.Cancel(Scheduled, byCoachOrAdmin: true).Value.State);
        Assert.Equal(ErrorKind.Conflict, LiveSessionSteps.Cancel(Ended, byCoachOrAdmin: true).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, LiveSessionSteps.Cancel(Scheduled, byCoachOrAdmin: false).Error!.Kind);
    }

    private static Dictionary<string, int> Stars(int greeting, int discovery, int closing) =>
        new() { ["Greeting"] = greeting, ["Discovery"] = discovery, ["Closing"] = closing };

    [Fact]
    public void The_first_call_needs_a_waiting_learner_and_a_second_start_is_told_to_use_another_call()
    {
        var waiting = LiveSessionSteps.Join(Scheduled, Learner, Build.Now).Value;
        var inCall = LiveSessionSteps.Start(waiting, Coach, "Role-play", Build.Now).Value;

        Assert.Equal(ErrorKind.Conflict, LiveSessionSteps.Start(Scheduled, Coach, "Role-play", Build.Now).Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, LiveSessionSteps.Start(inCall, Coach, "Role-play", Build.Now).Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, LiveSessionSteps.AnotherCall(waiting, Coach, "Debrief", Build.Now).Error!.Kind);
        Assert.Equal(2, LiveSessionSteps.AnotherCall(inCall, Coach, "Debrief", Build.Now).Value.Calls.Count);
        Assert.Equal(ErrorKind.Forbidden, LiveSessionSteps.AnotherCall(inCall, Learner, "Debrief", Build.Now).Error!.Kind);
    }
}
