using System.Globalization;
using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Reports;

/// <summary>
/// One row of the Certification Criteria Progress Report: one learner and one criterion, with the reviews on it.
/// Every text cell is neutralised against spreadsheet formulas.
/// </summary>
public sealed record CriteriaProgressRow(
    string Learner, string Email, string Source, string DueDate, string Overdue, string Status,
    string Criterion, string Kind, string State, string UpdatedAt, string MetAt, string MetBy,
    string Reviewer, string Decision, string Rating, string Feedback)
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Learner", "Email", "Source", "Due date", "Overdue", "Certification status",
        "Criterion", "Kind", "Criterion state", "Updated", "Met", "Met by",
        "Reviewers", "Decisions", "Ratings", "Feedback",
    ];

    public IEnumerable<string> Cells =>
        [Learner, Email, Source, DueDate, Overdue, Status, Criterion, Kind, State, UpdatedAt, MetAt, MetBy, Reviewer, Decision, Rating, Feedback];

    /// <summary>The rows of one learning record, in the certification's criterion order; several reviews share a cell, oldest first.</summary>
    public static IEnumerable<CriteriaProgressRow> For(Enrollment enrollment, Certification certification, DateTimeOffset now)
    {
        var status = enrollment.Status.ToDisplayName();
        var source = enrollment.Source == EnrollmentSource.SelfEnrolled ? "Self-enrolled" : "Assigned";
        foreach (var criterion in certification.Criteria)
        {
            var progress = enrollment.Progress(criterion.Id);
            var reviews = enrollment.Reviews.Where(r => r.CriterionId == criterion.Id).ToArray();
            yield return new CriteriaProgressRow(
                CsvCells.Neutralise(enrollment.LearnerName),
                CsvCells.Neutralise(enrollment.LearnerEmail),
                source,
                Date(enrollment.DueDate),
                enrollment.IsOverdue(now) ? "Yes" : "No",
                status,
                CsvCells.Neutralise(criterion.Title),
                criterion.Kind.ToName(),
                StateName(progress?.State ?? CriterionState.NotStarted),
                Date(progress?.UpdatedAt),
                Date(progress?.MetAt),
                progress?.MetBy ?? string.Empty,
                CsvCells.Neutralise(string.Join("; ", reviews.Select(r => r.ReviewerName))),
                string.Join("; ", reviews.Select(r => r.Decision == ReviewDecision.Demonstrated ? "Demonstrated" : "Not demonstrated")),
                string.Join("; ", reviews.Select(r => r.Rating?.ToString(CultureInfo.InvariantCulture) ?? "-")),
                CsvCells.Neutralise(string.Join(" | ", reviews.Select(r => r.Feedback ?? string.Empty))));
        }
    }

    public static string StateName(CriterionState state) => state switch
    {
        CriterionState.NotStarted => "Not started",
        CriterionState.Evidenced => "Evidence added",
        CriterionState.AwaitingAssessment => "Awaiting assessment",
        CriterionState.Met => "Met",
        _ => "Not demonstrated",
    };

    private static string Date(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
