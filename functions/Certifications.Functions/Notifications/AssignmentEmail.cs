using System.Globalization;
using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>Composes the message a learner gets when a certification is assigned to them.</summary>
public sealed class AssignmentEmail(IOptions<EmailOptions> email, IOptions<AppOptions> app)
{
    public MimeMessage Compose(Certification certification, Enrollment enrollment, string assignedByName)
    {
        var link = $"{app.Value.PublicBaseUrl.TrimEnd('/')}/enrollments/{enrollment.Id}";
        var due = enrollment.DueDate is { } d ? $"Please complete it by {d.UtcDateTime.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}." : null;
        var lines = new List<string>
        {
            $"Hello {enrollment.LearnerName},",
            string.Empty,
            $"{assignedByName} has assigned you the certification \"{certification.Title}\".",
        };
        if (due is not null)
        {
            lines.Add(due);
        }

        if (!string.IsNullOrWhiteSpace(enrollment.Message))
        {
            lines.AddRange([string.Empty, $"Message from {assignedByName}:", enrollment.Message]);
        }

        lines.AddRange([string.Empty, $"It is on your assignment list now: {link}", string.Empty, "— Certifications"]);

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.Value.From));
        message.To.Add(new MailboxAddress(enrollment.LearnerName, enrollment.LearnerEmail));
        message.Subject = $"You have been assigned: {certification.Title}";
        message.Headers.Add("X-Certifications-Enrollment", enrollment.Id);
        message.Body = new TextPart("plain") { Text = string.Join("\n", lines) };
        return message;
    }
}
