using Certifications.Domain.Common;
using Certifications.Domain.LiveSessions;

namespace Certifications.Domain.Tests;

public class ScheduleInputTests
{
    [Fact]
    public void A_synchronous_session_defaults_to_20_minutes_at_the_time_asked()
    {
        var (slot, mode) = Input(Build.Now.AddHours(2)).Validate(Build.Now).Value;

        Assert.Equal((Build.Now.AddHours(2), TimeSpan.FromMinutes(20), LiveSessionMode.Sync), (slot.Start, slot.Length, mode));
    }

    [Fact]
    public void An_asynchronous_session_takes_the_whole_day_and_may_be_today()
    {
        var (slot, mode) = (Input(Build.Now.AddMinutes(-30)) with { Mode = "async" }).Validate(Build.Now).Value;

        Assert.Equal((Build.Now.UtcDateTime.Date, TimeSpan.FromDays(1), LiveSessionMode.Async), (slot.Start.UtcDateTime, slot.Length, mode));
    }

    [Theory]
    [InlineData(-1, 20, null, "startsAt")]
    [InlineData(60, 4, null, "durationMinutes")]
    [InlineData(60, 241, null, "durationMinutes")]
    [InlineData(60, 20, "later", "mode")]
    public void Bad_times_lengths_and_modes_are_refused_by_field(int minutesFromNow, int duration, string? mode, string field)
    {
        var refused = (Input(Build.Now.AddMinutes(minutesFromNow)) with { DurationMinutes = duration, Mode = mode }).Validate(Build.Now);

        Assert.Equal(ErrorKind.Invalid, refused.Error!.Kind);
        Assert.True(refused.Error.Fields!.ContainsKey(field));
    }

    private static ScheduleInput Input(DateTimeOffset startsAt) => new("usr_learner", "crt_a", "cri_live", startsAt, null, null);
}
