using Certifications.Domain.People;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>Composes the invitation a new user gets: the one-time link that links their work account to them.</summary>
public sealed class InvitationEmail(MailMessages mail)
{
    /// <summary>The web app's page for a link token; it signs in and accepts the invitation through the API.</summary>
    public string Link(string linkToken) => mail.Link($"invitations/{linkToken}");

    public MimeMessage Compose(User user, string organizationName, string linkToken) =>
        mail.Create([(user.DisplayName, user.Email)], $"You are invited to Certifications at {organizationName}",
            [
                $"Hello {user.DisplayName},",
                string.Empty,
                $"{organizationName} uses Certifications for its certificates. Open this link and sign in with your work account:",
                Link(linkToken),
                string.Empty,
                $"The link works once and for {Invitation.Lifetime.TotalDays:0} days. If it has expired, ask an admin to send a new one.",
            ]);
}
