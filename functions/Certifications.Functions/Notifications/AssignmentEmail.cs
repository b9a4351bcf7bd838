using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Languages;
using Certifications.Functions.Links;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>Composes the message a learner gets, in their language, when a certification is assigned to them.</summary>
public sealed class AssignmentEmail(MailMessages mail, ProductLinks links)
{
    public MimeMessage Compose(Certification certification, Enrollment enrollment, string assignedByName, string language)
    {
        var lines = new List<string>
        {
            MailWords.Format("Hello", language, enrollment.LearnerName),
            string.Empty,
            MailWords.Format("AssignedBody", language, assignedByName, certification.Title),
        };
        if (enrollment.DueDate is { } due)
        {
            lines.Add(MailWords.Format("AssignedDueBy", language, MailWords.LongDate(due, language)));
        }

        if (!string.IsNullOrWhiteSpace(enrollment.Message))
        {
            lines.AddRange([string.Empty, MailWords.Format("AssignedMessageFrom", language, assignedByName), enrollment.Message]);
        }

        lines.AddRange([string.Empty, MailWords.Format("AssignedOnYourList", language, links.LearnerRecord(enrollment.Id))]);
        var subject = MailWords.Format("AssignedSubject", language, certification.Title);
        return mail.Create([(enrollment.LearnerName, enrollment.LearnerEmail)], language, subject, lines, enrollment.Id);
    }
}
