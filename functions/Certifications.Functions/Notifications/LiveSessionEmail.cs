using System.Text;
using Certifications.Domain.Languages;
using Certifications.Domain.LiveSessions;
using Certifications.Domain.People;
using Certifications.Functions.Links;
using Certifications.Functions.LiveSessions;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>
/// The invitation to a live session, to the learner and the coach, each in their language with the time in their own
/// zone, with the calendar file attached (its times are instants: calendars show them in their reader's zone).
/// </summary>
public sealed class LiveSessionEmail(MailMessages mail, ProductLinks links)
{
    /// <summary>One message for both when they read the same language in the same zone, else one each.</summary>
    public IReadOnlyList<MimeMessage> Invitation(LiveSession session, Reader learner, Reader coach) =>
        learner == coach
            ? [Invitation(session, [(session.LearnerName, session.LearnerEmail), (session.CoachName, session.CoachEmail)], learner)]
            : [Invitation(session, [(session.LearnerName, session.LearnerEmail)], learner),
                Invitation(session, [(session.CoachName, session.CoachEmail)], coach)];

    public string Link(LiveSession session) => links.LiveSession(session.Id);

    private MimeMessage Invitation(LiveSession session, IEnumerable<(string Name, string Email)> to, Reader reader)
    {
        var link = Link(session);
        var language = reader.Language;
        var culture = ProductLanguages.Culture(language);
        var local = TimeZoneInfo.ConvertTime(session.StartsAt, reader.Zone);
        var date = MailWords.LongDate(session.StartsAt, language, reader.Zone);
        var when = session.Mode == LiveSessionMode.Async
            ? MailWords.Format("SessionWhenAsync", language, date)
            : MailWords.Format(
                "SessionWhen", language, date, local.ToString("HH:mm", culture), session.Length.TotalMinutes.ToString("0", culture),
                TimeZones.Label(reader.Zone, session.StartsAt));
        var message = mail.Create(to, language, MailWords.Format("SessionSubject", language, session.CriterionTitle),
            [
                MailWords.Format("Hello", language, session.LearnerName),
                string.Empty,
                MailWords.Format("SessionScheduled", language, session.CoachName, session.CertificationTitle, when),
                MailWords.Format("SessionJoin", language, link),
                MailWords.Get("SessionAttached", language),
            ]);
        var calendar = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(LiveSessionInvite.For(session, link, language)), writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invite.ics",
        };
        calendar.ContentType.Parameters.Add("method", "REQUEST");
        message.Body = new Multipart("mixed") { message.Body!, calendar };
        return message;
    }
}
