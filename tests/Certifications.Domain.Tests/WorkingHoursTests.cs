using Certifications.Domain.Common;
using Certifications.Domain.People;

namespace Certifications.Domain.Tests;

/// <summary>A coach's working hours are wall-clock times of their own zone, whatever the date and summer time.</summary>
public sealed class WorkingHoursTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo LordHowe = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");

    [Fact]
    public void A_tokyo_day_from_nine_to_five_is_midnight_to_eight_in_utc()
    {
        var (start, end) = WorkingHours.Default.On(new DateOnly(2027, 3, 31), Tokyo);

        Assert.Equal(new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 8, 0, 0, TimeSpan.Zero), end);
    }

    [Theory]
    [InlineData("2027-03-27", 8)] // winter time: 09:00 in Berlin is 08:00 UTC
    [InlineData("2027-03-28", 7)] // the night clocks go forward: the day's 09:00 is already summer time
    [InlineData("2027-10-31", 8)] // and back
    public void Nine_in_berlin_follows_summer_time(string day, int utcHour) =>
        Assert.Equal(utcHour, WorkingHours.Default.On(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Berlin).Start.UtcDateTime.Hour);

    [Fact]
    public void A_time_skipped_by_the_move_to_summer_time_is_read_after_the_move()
    {
        // 02:30 does not happen in Berlin on 28 March 2027: it is read as 03:30 summer time, 01:30 UTC.
        Assert.Equal(
            new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero),
            TimeZones.Instant(new DateTime(2027, 3, 28, 2, 30, 0, DateTimeKind.Unspecified), Berlin).ToUniversalTime());

        // Lord Howe Island moves by half an hour: 02:15 that night is 02:45.
        var skipped = new DateTime(2027, 10, 3, 2, 15, 0, DateTimeKind.Unspecified);
        Assert.True(LordHowe.IsInvalidTime(skipped));
        Assert.Equal(new DateTime(2027, 10, 3, 2, 45, 0), TimeZones.Instant(skipped, LordHowe).DateTime);
    }

    [Fact]
    public void A_time_that_happens_twice_is_its_first_occurrence() =>
        Assert.Equal(
            new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero),
            TimeZones.Instant(new DateTime(2027, 10, 31, 2, 30, 0, DateTimeKind.Unspecified), Berlin).ToUniversalTime());

    [Theory]
    [InlineData("07:30", "16:45", null, null)]
    [InlineData("9:00", "17:00", "workingHours.from", "must be a time of day as HH:mm.")]
    [InlineData("09:00", "25:00", "workingHours.to", "must be a time of day as HH:mm.")]
    [InlineData("09:10", "17:00", "workingHours.from", "must be on the quarter hour (:00, :15, :30 or :45).")]
    [InlineData("17:00", "09:00", "workingHours.to", "must be after the start of the working hours.")]
    [InlineData("09:00", "09:00", "workingHours.to", "must be after the start of the working hours.")]
    [InlineData(null, "17:00", "workingHours.from", "must be a time of day as HH:mm.")]
    public void Working_hours_are_quarter_hours_and_end_after_they_start(string? from, string? to, string? field, string? message)
    {
        var errors = new FieldErrors();
        var hours = WorkingHours.Validate(errors, "workingHours", from, to);

        if (field is null)
        {
            Assert.False(errors.Any);
            Assert.Equal("07:30-16:45", hours!.ToString());
            Assert.Equal(hours, WorkingHours.Parse(hours.ToString()));
        }
        else
        {
            Assert.Null(hours);
            Assert.Equal(message, Assert.Single(errors.ToError().Fields![field]));
        }
    }

    [Theory]
    [InlineData("Asia/Tokyo", true)]
    [InlineData("America/Argentina/ComodRivadavia", true)]
    [InlineData("Tokyo Standard Time", false)] // a Windows name: one zone, one name
    [InlineData("asia/tokyo", false)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("Asia/Tokyo\u202E", false)]
    public void A_time_zone_is_an_iana_name(string id, bool accepted)
    {
        var errors = new FieldErrors();
        Assert.Equal(accepted ? id : null, TimeZones.Validate(errors, "timeZone", id));
        Assert.Equal(!accepted, errors.Any);
    }

    [Fact]
    public void An_admins_edit_keeps_what_only_the_person_sets()
    {
        var coach = new User
        {
            Id = "usr_1",
            OrganizationId = "org_1",
            Email = "kenji@example.com",
            DisplayName = "Kenji",
            Roles = [Role.Coach],
            CreatedAt = DateTimeOffset.UnixEpoch,
            TimeZone = "Asia/Tokyo",
            WorkingHours = new WorkingHours(new TimeOnly(8, 0), new TimeOnly(16, 0)),
        };

        var edited = coach.Edited(coach with { DisplayName = "Kenji Sato", TimeZone = null, WorkingHours = null });

        Assert.Equal("Kenji Sato", edited.DisplayName);
        Assert.Equal("Asia/Tokyo", edited.TimeZone);
        Assert.Equal(coach.WorkingHours, edited.WorkingHours);
    }

    [Fact]
    public void Messages_name_the_zone_with_its_offset_that_day()
    {
        Assert.Equal("Asia/Tokyo (UTC+09:00)", TimeZones.Label(Tokyo, DateTimeOffset.UnixEpoch));
        Assert.Equal("Europe/Berlin (UTC+02:00)", TimeZones.Label(Berlin, new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("America/Los_Angeles (UTC-08:00)", TimeZones.Label(
            TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("UTC", TimeZones.Label(TimeZones.Of(null), DateTimeOffset.UnixEpoch));
    }
}
