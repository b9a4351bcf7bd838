using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Tests;

/// <summary>A due date is the day its assigner meant, the same day wherever it is read.</summary>
public sealed class DueDateTests
{
    [Theory]
    [InlineData("2027-03-31T23:59:59+02:00")] // the end of the day in Berlin, as the web app there sends it
    [InlineData("2027-03-31T00:00:00+09:00")] // the start of the day in Tokyo
    [InlineData("2027-03-31T23:59:59-07:00")] // the end of the day in Los Angeles
    [InlineData("2027-03-31T00:00:00Z")] // a date sent through the API
    public void The_day_meant_is_due_by_its_end_in_utc(string given) =>
        Assert.Equal(
            new DateTimeOffset(2027, 3, 31, 23, 59, 59, TimeSpan.Zero),
            DueDates.EndOf(DateTimeOffset.Parse(given, System.Globalization.CultureInfo.InvariantCulture)));
}
