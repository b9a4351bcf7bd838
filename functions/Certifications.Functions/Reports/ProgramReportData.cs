using Certifications.Domain.Enrollments;
using Certifications.Domain.Reports;

namespace Certifications.Functions.Reports;

/// <summary>
/// The program report as data, stored with each run beside its CSV and HTML, so the reports page and the admin's home
/// draw it without recounting.
/// </summary>
public sealed record ProgramReportData(
    DateTimeOffset GeneratedAt, IReadOnlyList<ProgramReportData.CertificationRow> Certifications, ProgramReportData.OrganizationOverview? Overview)
{
    public const string FileName = "program-report.json";

    /// <summary>
    /// The report from the run's tallies, with the certificates late or failed on their way to the learner and those, not
    /// revoked, that expire within the notice period.
    /// </summary>
    public static ProgramReportData From(IReadOnlyList<ProgramTally> tallies, DateTimeOffset now, int notDelivered, int expiringSoon) => new(now, [
        .. tallies.Select(t => new CertificationRow(
            t.Certification.Id, t.Certification.Title, t.Certification.Status.ToString(), t.Total, t.Overdue, t.EarnedThisMonth, [
                .. Enum.GetValues<EnrollmentStatus>().Select(s => new StatusRow(s, s.ToDisplayName(), t.Count(s), CoachActions.For(s))),
            ])),
        ],
        new OrganizationOverview(
            tallies.Sum(t => t.EarnedThisMonth),
            [.. ProgramTally.MonthsTo(now).Select((month, i) => new MonthCount(month, tallies.Sum(t => t.EarnedByMonth[i])))],
            [.. Enum.GetValues<EnrollmentStatus>().Select(s => new StatusCount(s, tallies.Sum(t => t.Count(s))))],
            tallies.Sum(t => t.Overdue),
            tallies.Sum(t => t.Count(EnrollmentStatus.Submitted)),
            notDelivered,
            expiringSoon));

    /// <summary>
    /// The whole organization at the time of the run, for the admin's home: certificates issued this month and in each of
    /// the last twelve, learners per status, and what needs someone (overdue learners, submissions waiting for a coach,
    /// certificates not delivered, certificates expiring within 30 days).
    /// </summary>
    public sealed record OrganizationOverview(
        int IssuedThisMonth, IReadOnlyList<MonthCount> IssuedByMonth, IReadOnlyList<StatusCount> Learners, int Overdue, int ReviewsWaiting,
        int NotDelivered, int ExpiringSoon);

    /// <summary>Certificates issued in the calendar month that starts on <paramref name="Month"/> (UTC).</summary>
    public sealed record MonthCount(DateOnly Month, int Issued);

    /// <summary>The learners in one status across every certification.</summary>
    public sealed record StatusCount(EnrollmentStatus Status, int Learners);

    /// <summary>One certification: its learners per status, overdue, and earned this month.</summary>
    public sealed record CertificationRow(
        string Id, string Title, string Status, int Learners, int Overdue, int EarnedThisMonth, IReadOnlyList<StatusRow> Statuses);

    /// <summary>The learners in one status and what their coaches can do for them.</summary>
    public sealed record StatusRow(EnrollmentStatus Status, string StatusName, int Learners, IReadOnlyList<string> CoachActions);
}
