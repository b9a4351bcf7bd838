using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Reports;

/// <summary>
/// The program report's figures for one certification, counted as its records stream past: learners per status,
/// overdue learners, and certificates earned in the current calendar month (UTC).
/// </summary>
public sealed class ProgramTally(Certification certification, DateTimeOffset now)
{
    private readonly int[] counts = new int[Enum.GetValues<EnrollmentStatus>().Length];

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

        if (enrollment.EarnedAt is { } earned && earned.Year == now.Year && earned.Month == now.Month)
        {
            EarnedThisMonth++;
        }
    }
}
