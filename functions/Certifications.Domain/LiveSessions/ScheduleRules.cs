namespace Certifications.Domain.LiveSessions;

/// <summary>
/// The coach's calendar rules for live certification sessions (seed 004): sessions never overlap, never more than
/// three start within any 60 minutes, and after every third session in a row comes a break of at least 15 minutes.
/// </summary>
public static class ScheduleRules
{
    public const int MaxPerHour = 3;
    public const int MaxInARow = 3;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan MinBreak = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(20);

    /// <summary>How far ahead a free slot is looked for, and in what steps.</summary>
    public static readonly TimeSpan SearchHorizon = TimeSpan.FromDays(14);
    public static readonly TimeSpan SearchStep = TimeSpan.FromMinutes(5);

    /// <summary>Whether <paramref name="candidate"/> fits the coach's calendar; the first rule it breaks if not.</summary>
    public static ScheduleVerdict Check(IReadOnlyList<Slot> calendar, Slot candidate)
    {
        if (calendar.FirstOrDefault(candidate.Overlaps) is { } clash)
        {
            return ScheduleVerdict.Refused(ScheduleRule.Overlap,
                $"The coach has a session from {clash.Start:HH:mm} to {clash.End:HH:mm} UTC that this one would overlap.");
        }

        var starts = calendar.Select(s => s.Start).Append(candidate.Start).Order().ToArray();
        for (var i = 0; i + MaxPerHour < starts.Length; i++)
        {
            if (starts[i + MaxPerHour] - starts[i] < Window && starts[i] <= candidate.Start && candidate.Start <= starts[i + MaxPerHour])
            {
                return ScheduleVerdict.Refused(ScheduleRule.MaxPerHour,
                    $"The coach would have more than {MaxPerHour} sessions within 60 minutes.");
            }
        }

        if (LongestRunAround(calendar, candidate) > MaxInARow)
        {
            return ScheduleVerdict.Refused(ScheduleRule.BreakAfterThree,
                $"After {MaxInARow} sessions in a row the coach needs a break of at least {MinBreak.TotalMinutes:0} minutes.");
        }

        return ScheduleVerdict.Fits;
    }

    /// <summary>The first start at or after <paramref name="from"/> where a session of this length fits, within the search horizon.</summary>
    public static DateTimeOffset? NextFit(IReadOnlyList<Slot> calendar, DateTimeOffset from, TimeSpan length)
    {
        for (var start = RoundUp(from); start < from + SearchHorizon; start += SearchStep)
        {
            if (Check(calendar, new Slot(start, length)).Allowed)
            {
                return start;
            }
        }

        return null;
    }

    /// <summary>The starts within [dayStart, dayEnd) at which a session of this length fits, every <paramref name="every"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> FreeStarts(
        IReadOnlyList<Slot> calendar, DateTimeOffset dayStart, DateTimeOffset dayEnd, TimeSpan length, TimeSpan every) =>
        [.. Enumerable.Range(0, (int)((dayEnd - dayStart) / every))
            .Select(i => dayStart + (every * i))
            .Where(start => start + length <= dayEnd && Check(calendar, new Slot(start, length)).Allowed)];

    /// <summary>The number of sessions in the run (sessions with less than the break between them) that holds the candidate.</summary>
    private static int LongestRunAround(IReadOnlyList<Slot> calendar, Slot candidate)
    {
        var ordered = calendar.Append(candidate).OrderBy(s => s.Start).ToArray();
        var index = Array.IndexOf(ordered, candidate);
        var first = index;
        while (first > 0 && ordered[first].Start - ordered[first - 1].End < MinBreak)
        {
            first--;
        }

        var last = index;
        while (last < ordered.Length - 1 && ordered[last + 1].Start - ordered[last].End < MinBreak)
        {
            last++;
        }

        return last - first + 1;
    }

    private static DateTimeOffset RoundUp(DateTimeOffset at)
    {
        var ticks = SearchStep.Ticks;
        var remainder = at.UtcTicks % ticks;
        return remainder == 0 ? at : at.AddTicks(ticks - remainder);
    }
}

/// <summary>A booked stretch of the coach's calendar.</summary>
public sealed record Slot(DateTimeOffset Start, TimeSpan Length)
{
    public DateTimeOffset End => Start + Length;

    public bool Overlaps(Slot other) => Start < other.End && other.Start < End;
}

/// <summary>The rules a schedule can break.</summary>
public enum ScheduleRule
{
    Overlap,
    MaxPerHour,
    BreakAfterThree,
}

/// <summary>Whether a session fits, and if not which rule it breaks, in words a coach reads.</summary>
public sealed record ScheduleVerdict(bool Allowed, ScheduleRule? Broken, string? Reason)
{
    public static ScheduleVerdict Fits { get; } = new(true, null, null);

    public static ScheduleVerdict Refused(ScheduleRule rule, string reason) => new(false, rule, reason);
}
