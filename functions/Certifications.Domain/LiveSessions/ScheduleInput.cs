using Certifications.Domain.Common;

namespace Certifications.Domain.LiveSessions;

/// <summary>A coach's request to schedule a session, as the API receives it.</summary>
public sealed record ScheduleInput(
    string? LearnerId, string? CertificationId, string? CriterionId, DateTimeOffset? StartsAt, int? DurationMinutes, string? Mode)
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 240;

    /// <summary>The slot asked for: in the future, 5 to 240 minutes (20 by default); an asynchronous session takes the whole UTC day.</summary>
    public Result<(Slot Slot, LiveSessionMode Mode)> Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(LearnerId))
        {
            errors.Add("learnerId", "is required.");
        }

        if (string.IsNullOrWhiteSpace(CertificationId))
        {
            errors.Add("certificationId", "is required.");
        }

        if (string.IsNullOrWhiteSpace(CriterionId))
        {
            errors.Add("criterionId", "is required.");
        }

        var mode = LiveSessionMode.Sync;
        if (Mode is not null && (!Enum.TryParse(Mode, ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(Mode, out _)))
        {
            errors.Add("mode", "must be sync or async.");
        }

        var minutes = DurationMinutes ?? (int)ScheduleRules.DefaultLength.TotalMinutes;
        errors.RequireRange("durationMinutes", minutes, MinMinutes, MaxMinutes);

        if (StartsAt is null)
        {
            errors.Add("startsAt", "is required (ISO 8601, e.g. 2026-12-01T09:00:00Z).");
        }
        else if (mode == LiveSessionMode.Sync ? StartsAt < now : StartsAt.Value.UtcDateTime.Date < now.UtcDateTime.Date)
        {
            errors.Add("startsAt", "is in the past.");
        }
        else if (StartsAt.Value - now > TimeRanges.CalendarHorizon)
        {
            errors.Add("startsAt", $"must be within {(int)TimeRanges.CalendarHorizon.TotalDays} days from now.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var slot = mode == LiveSessionMode.Async
            ? new Slot(new DateTimeOffset(StartsAt!.Value.UtcDateTime.Date, TimeSpan.Zero), TimeSpan.FromDays(1))
            : new Slot(StartsAt!.Value.ToUniversalTime(), TimeSpan.FromMinutes(minutes));
        return (slot, mode);
    }
}
