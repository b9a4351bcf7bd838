using Certifications.Domain.Enrollments;
using Certifications.Domain.Reports;

namespace Certifications.Functions.Reports;

/// <summary>The program report as data, stored with each run beside its CSV and HTML, so the reports page can draw it without recounting.</summary>
public sealed record ProgramReportData(DateTimeOffset GeneratedAt, IReadOnlyList<ProgramReportData.CertificationRow> Certifications)
{
    public const string FileName = "program-report.json";

    public static ProgramReportData From(IReadOnlyList<ProgramTally> tallies, DateTimeOffset now) => new(now, [
        .. tallies.Select(t => new CertificationRow(
            t.Certification.Id, t.Certification.Title, t.Certification.Status.ToString(), t.Total, t.Overdue, t.EarnedThisMonth, [
                .. Enum.GetValues<EnrollmentStatus>().Select(s => new StatusRow(s, s.ToDisplayName(), t.Count(s), CoachActions.For(s))),
            ])),
    ]);

    /// <summary>One certification: its learners per status, overdue, and earned this month.</summary>
    public sealed record CertificationRow(
        string Id, string Title, string Status, int Learners, int Overdue, int EarnedThisMonth, IReadOnlyList<StatusRow> Statuses);

    /// <summary>The learners in one status and what their coaches can do for them.</summary>
    public sealed record StatusRow(EnrollmentStatus Status, string StatusName, int Learners, IReadOnlyList<string> CoachActions);
}
