using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>Ada reads the app in Arabic, right to left, and designs an Arabic certificate whose picture she looks at.</summary>
[Collection(WebAppCollection.Name)]
public sealed class LanguageJourneyTests(WebAppFixture fixture)
{
    [Fact]
    public Task Ada_switches_to_arabic_the_page_turns_right_to_left_without_sideways_scrolling_and_she_designs_an_arabic_certificate() =>
        fixture.JourneyAsync(async () =>
    {
        var ada = await fixture.NewPageAsync();
        try
        {
            await ada.SignInAsync("Ada Admin", "/preferences");
            await ada.GetByLabel("Language").SelectOptionAsync(new SelectOptionValue { Value = "ar" });
            await Assertions.Expect(ada.GetByRole(AriaRole.Status)).ToHaveTextAsync("حُفظت اللغة.");
            await Assertions.Expect(ada.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Assertions.Expect(ada.Locator("html")).ToHaveAttributeAsync("lang", "ar");
            var nav = ada.GetByRole(AriaRole.Navigation, new() { Name = "الرئيسية" });
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "الكتالوج" })).ToBeVisibleAsync();

            // The brand stands at the right edge: the top bar is mirrored.
            var brand = await ada.GetByRole(AriaRole.Link, new() { Name = "Certifications", Exact = true }).First.BoundingBoxAsync();
            Assert.True(brand!.X > 1280 / 2, $"the brand is at x = {brand.X}");
            await ada.AssertNoSidewaysScrollAsync();

            // A reload starts in Arabic before /me answers, from what this browser showed last.
            await ada.ReloadAsync();
            await Assertions.Expect(ada.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

            var list = await fixture.ApiAs("Ada Admin").GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("certifications");
            var certificationId = list!["items"]!.AsArray().First(c => c!["status"]!.GetValue<string>() != "Archived")!["id"]!.GetValue<string>();
            await ada.GotoAsync($"/admin/certifications/{certificationId}/design");
            var design = ada.GetByRole(AriaRole.Form, new() { Name = "تصميم الشهادة" });
            await design.GetByLabel("لغة الشهادة").SelectOptionAsync(new SelectOptionValue { Value = "ar" });
            var preview = ada.GetByRole(AriaRole.Region, new() { Name = "معاينة" });
            await Assertions.Expect(preview.GetByText("المعاينة محدّثة.")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Assertions.Expect(preview.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^صورة شهادة") })).ToBeVisibleAsync();
            await ada.AssertNoSidewaysScrollAsync();
            await ada.ScreenshotAsync(fixture, "designer-arabic");
            await preview.GetByRole(AriaRole.Button, new() { Name = "عرض ملف PDF" }).ClickAsync();
            var pdf = preview.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^معاينة شهادة") });
            await Assertions.Expect(pdf).ToBeVisibleAsync();

            // pdf.js draws glyph by glyph on a canvas, which would inherit the page's right-to-left and misplace every glyph.
            Assert.Equal("ltr", await pdf.EvaluateAsync<string>("canvas => getComputedStyle(canvas).direction"));
            await ada.ScreenshotAsync(fixture, "designer-arabic-pdf");

            // The same design in Hindi and in French: the sample learner's name and the certificate's own words follow.
            await preview.GetByRole(AriaRole.Button, new() { Name = "عرض الصورة" }).ClickAsync();
            foreach (var (language, name) in new[] { ("hi", "hindi"), ("fr", "french") })
            {
                await design.GetByLabel("لغة الشهادة").SelectOptionAsync(new SelectOptionValue { Value = language });
                await Assertions.Expect(preview.GetByText("جارٍ تحديث المعاينة…")).ToBeVisibleAsync();
                await Assertions.Expect(preview.GetByText("المعاينة محدّثة.")).ToBeVisibleAsync(new() { Timeout = 20_000 });
                await ada.ScreenshotAsync(fixture, "designer-" + name);
            }
        }
        finally
        {
            // Ada reads English in the other journeys.
            (await fixture.ApiAs("Ada Admin").PutAsJsonAsync("me/preferences", new { language = (string?)null })).EnsureSuccessStatusCode();
        }
    });

    [Fact]
    public Task Lena_reads_her_home_in_arabic_drawn_the_same_before_and_after_react_takes_over() => fixture.JourneyAsync(async () =>
    {
        // Something assigned to her, so the home has a card to read.
        using var admin = fixture.ApiAs("Ada Admin");
        var title = "حماية البيانات — Datenschutz";
        var criteria = new[] { new { kind = "content", title = "اقرأ الدليل" } };
        var created = System.Text.Json.Nodes.JsonNode.Parse(
            await (await admin.PostAsJsonAsync("certifications", new { title, criteria })).Content.ReadAsStringAsync())!;
        var certificationId = created["id"]!.GetValue<string>();
        (await admin.PostAsync($"certifications/{certificationId}/publish", null)).EnsureSuccessStatusCode();
        var lenaId = fixture.DemoUsers.Single(u => u.DisplayName == "Lena Learner").Id;
        (await admin.PostAsJsonAsync($"certifications/{certificationId}/assignments", new { learnerIds = new[] { lenaId } })).EnsureSuccessStatusCode();

        var api = fixture.ApiAs("Lena Learner");
        (await api.PutAsJsonAsync("me/preferences", new { language = "ar" })).EnsureSuccessStatusCode();
        try
        {
            var lena = await fixture.NewPageAsync(390);
            await lena.SignInAsync("Lena Learner");
            await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "اعتماداتي", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(lena.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            var card = lena.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
            await Assertions.Expect(card.GetByRole(AriaRole.Progressbar, new() { Name = $"التقدم في {title}" }))
                .ToHaveAttributeAsync("aria-valuetext", "استوفيت 0 من معيار واحد");
            await Assertions.Expect(card).ToContainTextAsync("أُسند إليك");
            await lena.AssertNoSidewaysScrollAsync();

            // The next load starts in Arabic too, from what this browser showed last.
            await lena.ReloadAsync();
            await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "اعتماداتي", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(lena.GetByRole(AriaRole.Navigation, new() { Name = "الرئيسية" })).ToBeVisibleAsync();
            await lena.ScreenshotAsync(fixture, "learner-home-arabic");
        }
        finally
        {
            (await api.PutAsJsonAsync("me/preferences", new { language = (string?)null })).EnsureSuccessStatusCode();
        }
    });

    [Fact]
    public Task Without_a_language_of_her_own_Lena_reads_the_app_in_her_browsers_german_until_she_chooses_english() =>
        fixture.JourneyAsync(async () =>
    {
        var api = fixture.ApiAs("Lena Learner");
        try
        {
            var lena = await fixture.NewPageAsync(locale: "de-DE");
            await lena.SignInAsync("Lena Learner");
            await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Meine Zertifizierungen", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(lena.Locator("html")).ToHaveAttributeAsync("lang", "de");
            await Assertions.Expect(lena.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
            await lena.GetByRole(AriaRole.Navigation, new() { Name = "Hauptmenü" }).GetByRole(AriaRole.Link, new() { Name = "Meine Zertifikate" }).ClickAsync();
            await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Meine Zertifikate", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(lena).ToHaveTitleAsync(new Regex("^Meine Zertifikate"));
            await lena.CheckPageAsync(fixture, "learner-certificates-german");

            // Her own choice wins over the browser's, on this load and the next.
            await lena.GetByRole(AriaRole.Link, new() { Name = "Sprache" }).ClickAsync();
            await lena.GetByLabel("Sprache").SelectOptionAsync(new SelectOptionValue { Value = "en" });
            await Assertions.Expect(lena.GetByRole(AriaRole.Status)).ToHaveTextAsync("Language saved.");
            await Assertions.Expect(lena.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await lena.GotoAsync("/");
            await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();
        }
        finally
        {
            (await api.PutAsJsonAsync("me/preferences", new { language = (string?)null })).EnsureSuccessStatusCode();
        }
    });
}
