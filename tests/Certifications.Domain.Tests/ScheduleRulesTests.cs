using Certifications.Domain.LiveSessions;

namespace Certifications.Domain.Tests;

public class ScheduleRulesTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static Slot At(int minutes, int length = 20) => new(Nine.AddMinutes(minutes), TimeSpan.FromMinutes(length));

    [Fact]
    public void An_overlapping_session_is_refused()
    {
        var verdict = ScheduleRules.Check([At(0)], At(10));

        Assert.Equal(ScheduleRule.Overlap, verdict.Broken);
    }

    [Fact]
    public void Back_to_back_sessions_do_not_overlap()
    {
        Assert.True(ScheduleRules.Check([At(0)], At(20)).Allowed);
    }

    [Fact]
    public void A_fourth_session_starting_59_minutes_after_the_first_is_refused_at_60_it_fits()
    {
        // Short sessions with 20-minute gaps: no run of three, so only the hourly limit applies.
        Slot[] three = [At(0, 10), At(30, 10)];
        Slot[] calendar = [.. three, At(45, 10)];

        Assert.Equal(ScheduleRule.MaxPerHour, ScheduleRules.Check(calendar, At(59, 10)).Broken);
        Assert.True(ScheduleRules.Check(calendar, At(60, 10)).Allowed);
    }

    [Fact]
    public void After_three_in_a_row_a_14_minute_break_is_refused_and_15_fits()
    {
        Slot[] calendar = [At(0), At(20), At(40)];

        Assert.Equal(ScheduleRule.BreakAfterThree, ScheduleRules.Check(calendar, At(74)).Broken);
        Assert.True(ScheduleRules.Check(calendar, At(75)).Allowed);
    }

    [Fact]
    public void A_session_squeezed_before_a_run_of_three_is_refused_too()
    {
        Slot[] calendar = [At(60), At(80), At(100)];

        Assert.Equal(ScheduleRule.BreakAfterThree, ScheduleRules.Check(calendar, At(35)).Broken);
    }

    [Fact]
    public void The_next_fitting_slot_is_named()
    {
        Slot[] calendar = [At(0), At(20), At(40)];

        Assert.Equal(Nine.AddMinutes(75), ScheduleRules.NextFit(calendar, Nine.AddMinutes(60), ScheduleRules.DefaultLength));
    }

    [Fact]
    public void Free_starts_of_a_day_leave_out_what_breaks_a_rule()
    {
        Slot[] calendar = [At(0), At(20), At(40)];

        var free = ScheduleRules.FreeStarts(calendar, Nine, Nine.AddHours(2), ScheduleRules.DefaultLength, TimeSpan.FromMinutes(15));

        Assert.Equal([Nine.AddMinutes(75), Nine.AddMinutes(90)], free);
    }
}
