using System.Net;
using System.Net.Http.Json;
using System.Text;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;
using MimeKit;

namespace Certifications.Functions.Tests.Http;

/// <summary>People and organizations choose their language; e-mails, invitations and new designs follow it.</summary>
[Collection(DevHostCollection.Name)]
public class LanguageTests(DevHostFixture fixture)
{
    private static readonly object[] LiveCall =
        [new { kind = "live_session", title = "ライブ認定", skills = new[] { "Greeting" }, minStars = 3 }];

    private static readonly string[] JapaneseWeekdays = ["日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"];

    [Fact]
    public async Task A_japanese_learner_gets_the_session_invitation_and_its_calendar_file_in_japanese_and_her_english_coach_in_english()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, LiveCall);
        await s.SelfEnrollAsync();
        var me = await (await s.AsLearner.PutAsJsonAsync("me/preferences", new { language = "ja" })).Json();
        Assert.Equal("ja", me["language"]!.GetValue<string>());
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2), TimeSpan.Zero).AddHours(9);

        var scheduled = await s.AsCoach.PostAsJsonAsync("live-sessions", new
        {
            learnerId = s.Learner.Id,
            certificationId = s.CertificationId,
            criterionId = s.Criterion("ライブ認定"),
            startsAt,
            durationMinutes = 20,
            mode = "sync",
        });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);

        var japaneseDate = $"{startsAt.Year}年{startsAt.Month}月{startsAt.Day}日{JapaneseWeekdays[(int)startsAt.DayOfWeek]}";
        var toLearner = Assert.Single(fixture.MailsTo(s.Learner.Email), m => (m.Subject ?? string.Empty).StartsWith("ライブ認定セッション", StringComparison.Ordinal));
        Assert.Equal("ja", toLearner.BodyParts.OfType<TextPart>().First().Headers[HeaderId.ContentLanguage]);
        Assert.Contains(japaneseDate, toLearner.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(toLearner.To.Mailboxes, m => m.Address == s.Coach.Email);
        var calendar = Encoding.UTF8.GetString(Attachment(toLearner, "text/calendar"));
        Assert.Contains("SUMMARY:ライブ認定セッション", calendar, StringComparison.Ordinal);

        var toCoach = Assert.Single(
            fixture.MailsTo(s.Coach.Email), m => (m.Subject ?? string.Empty).StartsWith("Live certification session", StringComparison.Ordinal));
        var englishDate = startsAt.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(englishDate, toCoach.TextBody ?? string.Empty, StringComparison.Ordinal);

        var sessionId = (await scheduled.Json())["id"]!.GetValue<string>();
        var downloaded = await (await s.AsLearner.GetAsync($"live-sessions/{sessionId}/invite.ics")).Content.ReadAsStringAsync();
        Assert.Contains("ライブ認定セッション", downloaded.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_sets_and_clears_their_language_and_a_language_nobody_knows_is_refused()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var learner = await org.AddUserAsync("Zoë Ångström", Role.Learner);
        var client = org.As(learner);

        var refused = await (await client.PutAsJsonAsync("me/preferences", new { language = "xx-nope" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["language"]);
        Assert.Equal("en", (await (await client.GetAsync("me")).Json())["language"]!.GetValue<string>());

        var set = await (await client.PutAsJsonAsync("me/preferences", new { language = "pt-br" })).Json();
        Assert.Equal("pt-BR", set["language"]!.GetValue<string>());
        Assert.Equal("pt-BR", set["user"]!["language"]!.GetValue<string>());

        (await org.AsAdmin().PutAsJsonAsync("org/settings", new { language = "fr" })).EnsureSuccessStatusCode();
        var cleared = await (await client.PutAsJsonAsync("me/preferences", new { language = (string?)null })).Json();
        Assert.Null(cleared["user"]!["language"]);
        Assert.Equal("fr", cleared["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_certification_speaks_the_organizations_language_and_changing_the_designs_language_changes_untouched_words()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var admin = org.AsAdmin();
        await (await admin.PutAsJsonAsync("org/settings", new { language = "?" })).Problem(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("org/settings", new { language = "de" })).EnsureSuccessStatusCode();

        var id = await org.PublishedCertificationAsync("Datenschutz");
        var design = (await (await admin.GetAsync($"certifications/{id}")).Json())["certificateDesign"]!;
        Assert.Equal("de", design["language"]!.GetValue<string>());
        Assert.Equal("Leistungszertifikat", design["heading"]!.GetValue<string>());

        var arabic = await (await admin.PutAsJsonAsync($"certifications/{id}/certificate-design", new
        {
            heading = design["heading"]!.GetValue<string>(),
            body = design["body"]!.GetValue<string>(),
            primaryColor = "#1F3A5F",
            accentColor = "#C9A227",
            language = "ar",
        })).Json();
        var saved = arabic["certificateDesign"]!;
        Assert.Equal("شهادة إنجاز", saved["heading"]!.GetValue<string>());
        Assert.True(saved["rightToLeft"]!.GetValue<bool>());

        var picture = await admin.GetAsync($"certifications/{id}/certificate-design/preview?format=png");
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        await (await admin.GetAsync($"certifications/{id}/certificate-design/preview?format=gif")).Problem(HttpStatusCode.BadRequest);
    }

    private static byte[] Attachment(MimeMessage message, string mimeType)
    {
        var part = (MimePart)message.Attachments.First(a => a.ContentType.MimeType == mimeType);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return content.ToArray();
    }
}
