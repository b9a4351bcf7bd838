using Microsoft.Extensions.Options;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>Writes each message as an .eml file (opens in any mail client): the embedded default where no SMTP server is configured.</summary>
public sealed class OutboxEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        var folder = options.Value.OutboxFolder!;
        Directory.CreateDirectory(folder);
        foreach (var message in messages)
        {
            var to = message.To.Mailboxes.FirstOrDefault()?.Address ?? "unknown";
            var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Sanitize(to)}-{Guid.NewGuid():N}.eml";
            await message.WriteToAsync(Path.Combine(folder, name), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The address as it appears in the file name: characters a file system may refuse become '_'.</summary>
    public static string Sanitize(string address) =>
        string.Concat(address.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_'));
}
