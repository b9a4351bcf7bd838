using Certifications.Domain.Common;
using Certifications.Domain.Languages;
using Certifications.Domain.LiveSessions;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Certifications.Functions.LiveSessions;

/// <summary>The calendar invitation (iCalendar, RFC 5545) for a session: organizer the coach, attendee the learner.</summary>
public static class LiveSessionInvite
{
    public const string ContentType = "text/calendar";

    /// <summary>The invitation, its summary and description in <paramref name="language"/>.</summary>
    public static string For(LiveSession session, string link, string language)
    {
        var calendar = new Calendar { Method = session.State == LiveSessionState.Cancelled ? "CANCEL" : "REQUEST" };
        var invite = new CalendarEvent
        {
            Uid = session.Id + "@certifications",
            Summary = TextRules.OneLine(MailWords.Format("SessionSummary", language, session.CriterionTitle, session.CertificationTitle)),
            Description = MailWords.Format("SessionDescription", language, session.LearnerName, session.CoachName, link),
            DtStart = session.Mode == LiveSessionMode.Async
                ? new CalDateTime(DateOnly.FromDateTime(session.StartsAt.UtcDateTime))
                : new CalDateTime(session.StartsAt.UtcDateTime, "UTC"),
            DtEnd = session.Mode == LiveSessionMode.Async
                ? new CalDateTime(DateOnly.FromDateTime(session.StartsAt.UtcDateTime.AddDays(1)))
                : new CalDateTime((session.StartsAt + session.Length).UtcDateTime, "UTC"),
            Organizer = new Organizer("mailto:" + session.CoachEmail) { CommonName = TextRules.OneLine(session.CoachName) },
            Status = session.State == LiveSessionState.Cancelled ? "CANCELLED" : "CONFIRMED",
            Url = new Uri(link),
        };
        invite.Attendees.Add(
            new Attendee("mailto:" + session.LearnerEmail) { CommonName = TextRules.OneLine(session.LearnerName), Rsvp = true, Role = "REQ-PARTICIPANT" });
        calendar.Events.Add(invite);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
