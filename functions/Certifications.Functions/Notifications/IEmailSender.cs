using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>Delivers composed messages; the transport is chosen by configuration.</summary>
public interface IEmailSender
{
    Task SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken);
}
