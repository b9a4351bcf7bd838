using System.Text;
using Certifications.Domain.Languages;
using Certifications.Domain.LiveSessions;
using Certifications.Functions.Links;
using Certifications.Functions.LiveSessions;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>The invitation to a live session, to the learner and the coach, each in their language, with the calendar file attached.</summary>
public sealed class LiveSessionEmail(MailMessages mail, ProductLinks links)
{
    /// <summary>One message for both when they read the same language, else one each.</summary>
    public IReadOnlyList<MimeMessage> Invitation(LiveSession session, string learnerLanguage, string coachLanguage) =>
        learnerLanguage == coachLanguage
            ? [Invitation(session, [(session.LearnerName, session.LearnerEmail), (session.CoachName, session.CoachEmail)], learnerLanguage)]
            : [Invitation(session, [(session.LearnerName, session.LearnerEmail)], learnerLanguage),
                Invitation(session, [(session.CoachName, session.CoachEmail)], coachLanguage)];

    public string Link(LiveSession session) => links.LiveSession(session.Id);

    private MimeMessage Invitation(LiveSession session, IEnumerable<(string Name, string Email)> to, string language)
    {
        var link = Link(session);
        var culture = ProductLanguages.Culture(language);
        var date = MailWords.LongDate(session.StartsAt, language);
        var when = session.Mode == LiveSessionMode.Async
            ? MailWords.Format("SessionWhenAsync", language, date)
            : MailWords.Format(
                "SessionWhen", language, date, session.StartsAt.UtcDateTime.ToString("HH:mm", culture), session.Length.TotalMinutes.ToString("0", culture));
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
