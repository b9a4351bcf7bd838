using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>Composes the message a learner gets when a certification is assigned to them.</summary>
public sealed class AssignmentEmail(MailMessages mail)
{
    public MimeMessage Compose(Certification certification, Enrollment enrollment, string assignedByName)
    {
        var lines = new List<string>
        {
            $"Hello {enrollment.LearnerName},",
            string.Empty,
            $"{assignedByName} has assigned you the certification \"{certification.Title}\".",
        };
        if (enrollment.DueDate is { } due)
        {
            lines.Add($"Please complete it by {WorkflowEmail.Date(due)}.");
        }

        if (!string.IsNullOrWhiteSpace(enrollment.Message))
        {
            lines.AddRange([string.Empty, $"Message from {assignedByName}:", enrollment.Message]);
        }

        lines.AddRange([string.Empty, $"It is on your assignment list now: {mail.Link($"enrollments/{enrollment.Id}")}"]);
        return mail.Create([(enrollment.LearnerName, enrollment.LearnerEmail)], $"You have been assigned: {certification.Title}", lines, enrollment.Id);
    }
}
