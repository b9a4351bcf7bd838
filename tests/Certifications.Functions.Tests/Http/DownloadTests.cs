using System.Net;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

/// <summary>Every download keeps a title in any script: the file name reaches the browser, the header stays one line.</summary>
[Collection(DevHostCollection.Name)]
public class DownloadTests(DevHostFixture fixture)
{
    private const string Title = "Sécurité Übung 安全";

    [Fact]
    public async Task Downloads_of_a_certification_titled_in_several_scripts_name_the_file_in_utf8()
    {
        using var s = await WorkflowScenario.CreateAsync(
            fixture.Host, requireApproval: false, [new { kind = "content", title = "Lire le guide" }], "Zoë Ångström-Núñez", Title);
        await s.SelfEnrollAsync();
        (await s.CompleteAsync("Lire le guide")).EnsureSuccessStatusCode();
        var certificate = await s.RenderedCertificateAsync();
        var id = certificate["id"]!.GetValue<string>();

        AssertNamed(await s.AsLearner.GetAsync($"certificates/{id}/pdf"), "inline", $"Sécurité-Übung-安全-{id}.pdf");
        using var plain = new HttpClient();
        AssertNamed(await plain.GetAsync(certificate["downloadUrl"]!.GetValue<string>()), "inline", $"Sécurité-Übung-安全-{id}.pdf");
        AssertNamed(await s.AsAdmin.GetAsync($"certifications/{s.CertificationId}/certificate-design/preview"), "inline", "certificate-preview.pdf");
        var csv = await s.AsAdmin.GetAsync($"certifications/{s.CertificationId}/reports/criteria-progress");
        Assert.StartsWith("attachment", csv.Content.Headers.ContentDisposition?.DispositionType, StringComparison.Ordinal);
        Assert.StartsWith("criteria-progress-", csv.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Equal("nosniff", csv.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private static void AssertNamed(HttpResponseMessage response, string type, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal(type, disposition.DispositionType);
        Assert.Equal(fileName, Uri.UnescapeDataString(disposition.FileNameStar ?? string.Empty));
        Assert.DoesNotContain('\n', response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.All(disposition.FileName!, c => Assert.True(c < 128, $"the fallback name has '{c}'"));
        if (response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }
}
