using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Languages;
using Certifications.Domain.People;
using Certifications.Domain.Progress;
using Certifications.Functions.Links;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>The messages the enrollment workflow sends, each in its reader's language: reminders and approval requests.</summary>
public sealed class WorkflowEmail(MailMessages mail, ProductLinks links)
{
    public MimeMessage DueReminder(Enrollment enrollment, Certification certification, DueReminderKind kind, string language)
    {
        var due = MailWords.LongDate(enrollment.DueDate ?? DateTimeOffset.MinValue, language);
        var (subject, body) = kind == DueReminderKind.DueSoon ? ("DueSoonSubject", "DueSoonBody") : ("OverdueSubject", "OverdueBody");
        return mail.Create([(enrollment.LearnerName, enrollment.LearnerEmail)], language, MailWords.Format(subject, language, certification.Title),
            [
                MailWords.Format("Hello", language, enrollment.LearnerName),
                string.Empty,
                MailWords.Format(body, language, certification.Title, due, enrollment.CriteriaMet, enrollment.Criteria.Count),
                string.Empty,
                MailWords.Format("PickUp", language, links.LearnerRecord(enrollment.Id)),
            ],
            enrollment.Id);
    }

    /// <summary>
    /// One message per language the reviewers read and per page they open: a coach's links lead to their review queue and
    /// their view of the record, a super admin's (who may be no coach) to the certification's submitted records and the
    /// record as an admin opens it.
    /// </summary>
    public IReadOnlyList<MimeMessage> ApprovalRequest(
        Enrollment enrollment, Certification certification, IReadOnlyList<(User Reviewer, string Language)> reviewers, bool reminder) =>
        [
            .. reviewers.GroupBy(r => (r.Language, Coach: r.Reviewer.IsCoach)).Select(group =>
            {
                var (language, coach) = group.Key;
                return mail.Create(group.Select(r => (r.Reviewer.DisplayName, r.Reviewer.Email)), language,
                    MailWords.Format(reminder ? "ApprovalReminderSubject" : "ApprovalSubject", language, enrollment.LearnerName, certification.Title),
                    [
                        MailWords.Get("HelloAll", language),
                        string.Empty,
                        MailWords.Format("ApprovalBody", language, enrollment.LearnerName, certification.Title),
                        MailWords.Get(reminder ? "ApprovalWaiting" : "ApprovalAsk", language),
                        string.Empty,
                        coach
                            ? MailWords.Format("ApprovalQueue", language, links.ReviewQueue())
                            : MailWords.Format("ApprovalSubmitted", language, links.SubmittedRecords(enrollment.CertificationId)),
                        MailWords.Format("ApprovalRecord", language, coach ? links.Review(enrollment.Id) : links.AdminRecord(enrollment.Id)),
                    ],
                    enrollment.Id);
            }),
        ];
}
