using Certifications.Domain.Languages;
using Certifications.Domain.People;
using Certifications.Functions.Links;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>Composes the invitation a new user gets, in their language: the one-time link that links their work account to them.</summary>
public sealed class InvitationEmail(MailMessages mail, ProductLinks links)
{
    /// <summary>The web app's page for a link token; it signs in and accepts the invitation through the API.</summary>
    public string Link(string linkToken) => links.Invitation(linkToken);

    public MimeMessage Compose(User user, string organizationName, string language, string linkToken) =>
        mail.Create([(user.DisplayName, user.Email)], language, MailWords.Format("InviteSubject", language, organizationName),
            [
                MailWords.Format("Hello", language, user.DisplayName),
                string.Empty,
                MailWords.Format("InviteBody", language, organizationName),
                Link(linkToken),
                string.Empty,
                MailWords.Format("InviteLifetime", language, Invitation.Lifetime.TotalDays.ToString("0", ProductLanguages.Culture(language))),
            ]);
}
