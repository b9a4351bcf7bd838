using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;
using MimeKit;

namespace Certifications.Web.Tests.Journeys;

/// <summary>
/// Every link the product sends outside the app, in e-mails and calendar files, opens the page it names for the person
/// it was sent to: signed in as them, on the port the app runs on, never "There is no such page" or another role's page.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed partial class OutsideLinksTests(WebAppFixture fixture)
{
    [Fact]
    public Task Every_link_of_every_email_and_calendar_file_opens_its_page_for_its_reader() => fixture.JourneyAsync(async () =>
    {
        // A live session for Liam (an invitation with its .ics to him and to Carla), besides what other journeys sent.
        await ScheduleForLiamAsync();
        var links = await LinksAsync();
        Assert.Contains(links, l => l.Url.Contains("/live-sessions/", StringComparison.Ordinal));
        Assert.All(links, l => Assert.StartsWith(fixture.Host.BaseUrl, l.Url, StringComparison.Ordinal));

        // One link of each kind for each reader: the same page with another id says nothing new.
        foreach (var (reader, url) in links.DistinctBy(l => (l.Reader, Id().Replace(l.Url, "{id}"))))
        {
            var person = fixture.DemoUsers.SingleOrDefault(u => string.Equals(u.Email, reader, StringComparison.OrdinalIgnoreCase));
            var page = await fixture.NewPageAsync();
            var path = new Uri(url).PathAndQuery;
            // Public pages (verification, an invitation) open as anyone would; the app's pages signed in as their reader.
            if (person is not null && !path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/invitations/", StringComparison.Ordinal))
            {
                await page.SignInAsync(person.DisplayName, path);
                Assert.Equal(url, page.Url);
            }
            else
            {
                var response = await page.GotoAsync(url);
                Assert.True(response is { Status: < 400 }, $"{url} sent to {reader} answers {response?.Status}.");
            }

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            foreach (var refusal in new[] { "There is no such page", "This page is not for your role", "Your session ended." })
            {
                Assert.True(await page.GetByText(refusal).CountAsync() == 0, $"{url}, sent to {reader}, says \"{refusal}\".");
            }

            await page.Context.CloseAsync();
        }
    });

    /// <summary>Every link of every message in the outbox with the address it was sent to: the text, the HTML and the calendar files.</summary>
    private async Task<List<(string Reader, string Url)>> LinksAsync()
    {
        var links = new List<(string Reader, string Url)>();
        foreach (var file in Directory.GetFiles(fixture.Outbox, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            var texts = new List<string> { message.TextBody ?? string.Empty, message.HtmlBody ?? string.Empty };
            foreach (var calendar in message.Attachments.OfType<MimePart>().Where(a => a.ContentType.MimeType == "text/calendar"))
            {
                using var content = new MemoryStream();
                await calendar.Content!.DecodeToAsync(content);
                // Calendar lines fold at 75 octets: a line that starts with a space continues the one before.
                texts.Add(System.Text.Encoding.UTF8.GetString(content.ToArray()).Replace("\r\n ", string.Empty, StringComparison.Ordinal));
            }

            var urls = texts.SelectMany(t => Link().Matches(t).Select(m => m.Value.TrimEnd('.', ',', ')', '\\'))).Distinct().ToArray();
            links.AddRange(message.To.Mailboxes.SelectMany(to => urls.Select(url => (to.Address, url))));
        }

        return links;
    }

    private async Task ScheduleForLiamAsync()
    {
        var liam = fixture.DemoUsers.Single(u => u.DisplayName == "Liam Learner");
        using (var asLiam = fixture.ApiAs("Liam Learner"))
        {
            var list = JsonNode.Parse(await asLiam.GetStringAsync("certifications"))!["items"]!.AsArray();
            var id = list.Single(c => c!["title"]!.GetValue<string>() == CustomerConversations)!["id"]!.GetValue<string>();
            await asLiam.PostAsync($"certifications/{id}/enrollments", null); // 409 when another journey enrolled him already
        }

        using var asCarla = fixture.ApiAs("Carla Coach");
        var certification = JsonNode.Parse(await asCarla.GetStringAsync("certifications"))!["items"]!.AsArray()
            .Single(c => c!["title"]!.GetValue<string>() == CustomerConversations)!;
        var criterion = certification["criteria"]!.AsArray().Single(c => c!["kind"]!.GetValue<string>() == "live_session")!;
        var response = await asCarla.PostAsJsonAsync("live-sessions", new
        {
            learnerId = liam.Id,
            certificationId = certification["id"]!.GetValue<string>(),
            criterionId = criterion["id"]!.GetValue<string>(),
            startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(6), TimeSpan.Zero).AddHours(14),
            durationMinutes = 20,
            mode = "sync",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private const string CustomerConversations = "Customer Conversations";

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Link();

    /// <summary>Ids in links: a prefixed id (enr_…, cer_…), a scanned code in capitals, or an invitation's token.</summary>
    [GeneratedRegex(@"[a-z]{3}_[0-9a-z]{26}|[0-9A-Z]{26}|invitations/[^/?#]+")]
    private static partial Regex Id();
}
