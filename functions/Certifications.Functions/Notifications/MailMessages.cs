using Certifications.Domain.Common;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>Builds the plain-text messages the product sends, with the sender and links it always uses.</summary>
public sealed class MailMessages(IOptions<EmailOptions> email, IOptions<AppOptions> app)
{
    public string Link(string path) => $"{app.Value.PublicBaseUrl.TrimEnd('/')}/{path.TrimStart('/')}";

    public MimeMessage Create(IEnumerable<(string Name, string Email)> to, string subject, IEnumerable<string> lines, string? enrollmentId = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.Value.From));
        message.To.AddRange(to.Select(t => new MailboxAddress(TextRules.OneLine(t.Name), t.Email)));
        message.Subject = TextRules.OneLine(subject);
        if (enrollmentId is not null)
        {
            message.Headers.Add("X-Certifications-Enrollment", enrollmentId);
        }

        message.Body = new TextPart("plain") { Text = string.Join("\n", [.. lines, string.Empty, "— Certifications"]) };
        return message;
    }
}
