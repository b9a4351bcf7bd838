using System.Globalization;
using Certifications.Domain.Common;

namespace Certifications.Domain.LiveSessions;

/// <summary>A look-up of a coach's free starts on one day of their calendar, as the query string carries it.</summary>
public sealed record AvailabilityQuery(string? Date, string? DurationMinutes)
{
    /// <summary>The day and the session length, each within its range; a value that does not parse is an error, never a default.</summary>
    public Result<(DateOnly Date, TimeSpan Length)> Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        DateOnly date = default;
        if (string.IsNullOrEmpty(Date))
        {
            errors.Add("date", "is required (yyyy-MM-dd).");
        }
        else if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add("date", "must be a date as yyyy-MM-dd.");
        }
        else
        {
            errors.RequireNear("date", new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), now, TimeRanges.CalendarHorizon);
        }

        var minutes = (int)ScheduleRules.DefaultLength.TotalMinutes;
        if (!string.IsNullOrEmpty(DurationMinutes)
            && !int.TryParse(DurationMinutes, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out minutes))
        {
            errors.Add("durationMinutes", $"must be a whole number of minutes, {ScheduleInput.MinMinutes} to {ScheduleInput.MaxMinutes}.");
        }
        else
        {
            errors.RequireRange("durationMinutes", minutes, ScheduleInput.MinMinutes, ScheduleInput.MaxMinutes);
        }

        return errors.Any ? errors.ToError() : (date, TimeSpan.FromMinutes(minutes));
    }
}
