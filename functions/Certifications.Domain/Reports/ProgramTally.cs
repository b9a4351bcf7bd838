using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Reports;

/// <summary>
/// The program report's figures for one certification, counted as its records stream past: learners per status,
/// overdue learners, certificates earned in each of the last twelve calendar months (UTC), and the certificates that
/// may expire within the notice period.
/// </summary>
public sealed class ProgramTally(Certification certification, DateTimeOffset now)
{
    /// <summary>How many calendar months of issued certificates the overview shows, this one included.</summary>
    public const int Months = 12;

    private readonly int[] counts = new int[Enum.GetValues<EnrollmentStatus>().Length];
    private readonly int[] earnedByMonth = new int[Months];
    private readonly List<string> mayExpireSoon = [];

    public Certification Certification { get; } = certification;

    public int Overdue { get; private set; }

    public int EarnedThisMonth { get; private set; }

    public int Total => counts.Sum();

    public int Count(EnrollmentStatus status) => counts[(int)status];

    public void Add(Enrollment enrollment)
    {
        if (!enrollment.IsActive)
        {
            return;
        }

        counts[(int)enrollment.Status]++;
        if (enrollment.IsOverdue(now))
        {
            Overdue++;
        }

        if (enrollment.EarnedAt is not { } earned)
        {
            return;
        }

        if (earned.Year == now.Year && earned.Month == now.Month)
        {
            EarnedThisMonth++;
        }

        var monthsAgo = MonthIndex(now) - MonthIndex(earned);
        if (monthsAgo is >= 0 and < Months)
        {
            earnedByMonth[Months - 1 - monthsAgo]++;
        }

        // The certificate keeps the expiry it was issued with, which a later change of the certification's validity does
        // not move; the candidates are read again with a week's margin either way, and their own expiry decides.
        if (enrollment.CertificateId is { } certificate && Certificates.Certificate.ExpiryOf(Certification, earned) is { } expires
            && expires > now - Margin && expires <= now + Certificates.CertificateRules.ExpiryNotice + Margin)
        {
            mayExpireSoon.Add(certificate);
        }
    }

    /// <summary>Certificates earned in each of the last <see cref="Months"/> calendar months, oldest first; the last is this month.</summary>
    public IReadOnlyList<int> EarnedByMonth => earnedByMonth;

    /// <summary>The certificates whose expiry, by the certification's validity today, falls near the notice period.</summary>
    public IReadOnlyList<string> MayExpireSoon => mayExpireSoon;

    /// <summary>The first day of each month <see cref="EarnedByMonth"/> counts, oldest first.</summary>
    public static IReadOnlyList<DateOnly> MonthsTo(DateTimeOffset now) =>
        [.. Enumerable.Range(0, Months).Select(i => new DateOnly(now.Year, now.Month, 1).AddMonths(i - Months + 1))];

    private static readonly TimeSpan Margin = TimeSpan.FromDays(7);

    private static int MonthIndex(DateTimeOffset at) => (at.UtcDateTime.Year * 12) + at.UtcDateTime.Month;
}
