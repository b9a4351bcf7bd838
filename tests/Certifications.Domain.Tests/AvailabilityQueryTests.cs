using Certifications.Domain.LiveSessions;

namespace Certifications.Domain.Tests;

public sealed class AvailabilityQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-12-08", null, 20)]
    [InlineData("2026-12-06", "5", 5)]
    [InlineData("2027-12-07", "240", 240)]
    public void A_day_within_a_year_and_a_length_of_5_to_240_minutes_is_taken(string date, string? minutes, int expected)
    {
        var (day, length) = new AvailabilityQuery(date, minutes).Validate(Now).Value;

        Assert.Equal((DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(expected)), (day, length));
    }

    [Theory]
    [InlineData(null, null, "date")]
    [InlineData("0001-01-01", null, "date")]
    [InlineData("9999-12-31", null, "date")]
    [InlineData("2028-01-01", null, "date")]
    [InlineData("07/12/2026", null, "date")]
    [InlineData("2026-12-08", "-2147483648", "durationMinutes")]
    [InlineData("2026-12-08", "0", "durationMinutes")]
    [InlineData("2026-12-08", "241", "durationMinutes")]
    [InlineData("2026-12-08", "99999999999", "durationMinutes")]
    [InlineData("2026-12-08", "1e3", "durationMinutes")]
    public void A_day_or_length_out_of_range_names_its_field(string? date, string? minutes, string field) =>
        Assert.Contains(field, new AvailabilityQuery(date, minutes).Validate(Now).Error!.Fields!.Keys);

    [Fact]
    public void A_session_more_than_a_year_ahead_is_refused() =>
        Assert.Contains("startsAt", new ScheduleInput("usr", "crt", "cri", Now.AddDays(400), 20, "sync").Validate(Now).Error!.Fields!.Keys);
}
