using Certifications.Domain.Common;
using Certifications.Domain.Languages;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>Builds the plain-text messages the product sends, with the sender and links it always uses.</summary>
public sealed class MailMessages(IOptions<EmailOptions> email)
{
    /// <summary>A plain-text message in <paramref name="language"/> (its signature too, and said so in its Content-Language).</summary>
    public MimeMessage Create(
        IEnumerable<(string Name, string Email)> to, string language, string subject, IEnumerable<string> lines, string? enrollmentId = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.Value.From));
        message.To.AddRange(to.Select(t => new MailboxAddress(TextRules.OneLine(t.Name), t.Email)));
        message.Subject = TextRules.OneLine(subject);
        if (enrollmentId is not null)
        {
            message.Headers.Add("X-Certifications-Enrollment", enrollmentId);
        }

        var text = new TextPart("plain") { Text = string.Join("\n", [.. lines, string.Empty, MailWords.Get("Signature", language)]) };
        text.Headers.Add(HeaderId.ContentLanguage, language);
        message.Body = text;
        return message;
    }
}
