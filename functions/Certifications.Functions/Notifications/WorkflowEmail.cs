using System.Globalization;
using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;
using Certifications.Domain.People;
using Certifications.Domain.Progress;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>The messages the enrollment workflow sends: reminders, approval requests, and the award.</summary>
public sealed class WorkflowEmail(MailMessages mail)
{
    public static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public MimeMessage DueReminder(Enrollment enrollment, Certification certification, DueReminderKind kind)
    {
        var due = Date(enrollment.DueDate ?? DateTimeOffset.MinValue);
        var (subject, line) = kind == DueReminderKind.DueSoon
            ? ($"Due soon: {certification.Title}",
                $"\"{certification.Title}\" is due on {due}. You have met {enrollment.CriteriaMet} of {enrollment.Criteria.Count} criteria.")
            : ($"Overdue: {certification.Title}",
                $"\"{certification.Title}\" was due on {due} and is not finished yet. "
                + $"You have met {enrollment.CriteriaMet} of {enrollment.Criteria.Count} criteria.");
        return mail.Create([(enrollment.LearnerName, enrollment.LearnerEmail)], subject,
            [$"Hello {enrollment.LearnerName},", string.Empty, line, string.Empty, $"Pick up where you left off: {mail.Link($"enrollments/{enrollment.Id}")}"],
            enrollment.Id);
    }

    public MimeMessage ApprovalRequest(Enrollment enrollment, Certification certification, IReadOnlyList<User> reviewers, bool reminder) =>
        mail.Create(reviewers.Select(r => (r.DisplayName, r.Email)),
            (reminder ? "Reminder: approval waiting — " : "Approval needed — ") + $"{enrollment.LearnerName}, {certification.Title}",
            [
                "Hello,",
                string.Empty,
                $"{enrollment.LearnerName} has met every criterion of \"{certification.Title}\", which needs approval before the certificate is issued.",
                reminder ? "The request is still waiting for a decision." : "Please review the work and approve or reject it.",
                string.Empty,
                $"Review queue: {mail.Link("reviews/queue")}",
                $"The learner's record: {mail.Link($"enrollments/{enrollment.Id}")}",
            ],
            enrollment.Id);
}
