using Certifications.Domain.LiveSessions;
using Certifications.Functions.LiveSessions;
using Ical.Net;

namespace Certifications.Functions.Tests.LiveSessions;

/// <summary>The invitation read back by a calendar library, as a calendar app would read it.</summary>
public sealed class LiveSessionInviteTests
{
    [Fact]
    public void Names_and_titles_in_any_script_with_separators_and_old_line_breaks_read_back_as_one_event()
    {
        var session = new LiveSession
        {
            Id = "ses_1",
            OrganizationId = "org_1",
            CoachId = "usr_coach",
            CoachName = "Çoach; \"Ünal\", Jr.",
            CoachEmail = "coach@test.example",
            LearnerId = "usr_learner",
            LearnerName = "Zoë Ångström-Núñez\r\nX-INJECTED:yes",
            LearnerEmail = "zoe@test.example",
            CertificationId = "crt_1",
            CertificationTitle = "Sécurité Übung 安全",
            CriterionId = "cri_1",
            CriterionTitle = "Live call, part 1; with: colons",
            StartsAt = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero),
            Length = TimeSpan.FromMinutes(20),
        };

        var text = LiveSessionInvite.For(session, "https://certifications.example.org/live-sessions/ses_1", "en");
        var calendar = Calendar.Load(text)!;

        var invite = Assert.Single(calendar.Events);
        Assert.Equal("Live certification session: Live call, part 1; with: colons (Sécurité Übung 安全)", invite.Summary);
        // A parameter value may hold no double quote at all (RFC 5545 3.1); the separators survive quoted.
        Assert.Equal("Çoach; Ünal, Jr.", invite.Organizer!.CommonName);
        Assert.Equal("Zoë Ångström-Núñez  X-INJECTED:yes", Assert.Single(invite.Attendees).CommonName);
        Assert.DoesNotContain("\nX-INJECTED", text, StringComparison.Ordinal);
    }
}
