using System.Text;
using Certifications.Domain.LiveSessions;
using Certifications.Functions.LiveSessions;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>The invitation to a live session, to the learner and the coach, with the calendar file attached.</summary>
public sealed class LiveSessionEmail(MailMessages mail)
{
    public MimeMessage Invitation(LiveSession session)
    {
        var link = Link(session);
        var when = session.Mode == LiveSessionMode.Async
            ? $"on {session.StartsAt:dddd d MMMM yyyy} (asynchronous: any time that day)"
            : $"on {session.StartsAt:dddd d MMMM yyyy} at {session.StartsAt:HH:mm} UTC for {session.Length.TotalMinutes:0} minutes";
        var message = mail.Create([(session.LearnerName, session.LearnerEmail), (session.CoachName, session.CoachEmail)],
            $"Live certification session: {session.CriterionTitle}",
            [
                $"Hello {session.LearnerName},",
                string.Empty,
                $"{session.CoachName} scheduled your live certification session for \"{session.CertificationTitle}\" {when}.",
                $"At the time, join the waiting room: {link}",
                "The calendar invitation is attached.",
            ]);
        var calendar = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(LiveSessionInvite.For(session, link)), writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invite.ics",
        };
        calendar.ContentType.Parameters.Add("method", "REQUEST");
        message.Body = new Multipart("mixed") { message.Body!, calendar };
        return message;
    }

    public string Link(LiveSession session) => mail.Link($"api/live-sessions/{session.Id}");
}
