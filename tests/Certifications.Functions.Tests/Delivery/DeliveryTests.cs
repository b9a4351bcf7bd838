using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Domain.Progress;
using Certifications.Functions.Certificates;
using Certifications.Functions.Tests.Fixtures;
using Certifications.Storage.Catalog;
using Certifications.Storage.Certificates;
using Certifications.Storage.Common;
using Certifications.Storage.Delivery;
using Certifications.Storage.Enrollments;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Certifications.Functions.Tests.Delivery;

/// <summary>Nothing earned is lost: a lost signal and a certificate that could not be drawn both end with the learner's PDF and e-mail.</summary>
[Collection(DevHostCollection.Name)]
public sealed class DeliveryTests(DevHostFixture fixture)
{
    private static readonly object[] OneContentCriterion = [new { kind = "content", title = "Read the guide" }];

    [Fact]
    public async Task A_record_completed_without_its_signal_is_issued_its_certificate_by_the_sweep()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, OneContentCriterion);
        await s.SelfEnrollAsync();
        var services = fixture.Host.Services;
        var records = services.GetRequiredService<EnrollmentRepository>();
        var record = (await records.GetByIdAsync(s.Org.Id, s.EnrollmentId!))!;
        var certification = (await services.GetRequiredService<CertificationRepository>().GetAsync(s.Org.Id, s.CertificationId))!.Value;

        // The learner's completion lands, and the signal that should follow it is lost.
        var completed = LearnerSteps.CompleteContent(record.Value, certification, s.Criterion("Read the guide"), DateTimeOffset.UtcNow).Value.Enrollment;
        _ = (await records.UpdateAsync(record, completed)).Value;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Null((await s.DetailAsync())["certificateId"]);

        var swept = await services.GetRequiredService<DeliverySweep>().SweepAsync(
            services.GetRequiredService<DurableTaskClient>(), CancellationToken.None, grace: TimeSpan.Zero);

        Assert.True(swept.Resumed >= 1);
        var certificate = await s.RenderedCertificateAsync();
        Assert.Equal(1, await fixture.CertificatesOfAsync(s.EnrollmentId!));
        await Eventually.WaitUntilAsync(() => Task.FromResult(fixture.MailsTo(s.Learner.Email).Any(m => m.Attachments.Any())), "the certificate e-mail");
        Assert.Equal("valid", certificate["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_record_waiting_for_its_approval_with_its_workflow_running_is_left_to_it()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: true, OneContentCriterion);
        await s.SelfEnrollAsync();
        (await s.CompleteAsync("Read the guide")).EnsureSuccessStatusCode();
        await s.WaitUntilAsync(d => d["approval"]!.GetValue<string>() == "Awaiting", "an approval request");
        var services = fixture.Host.Services;

        await services.GetRequiredService<DeliverySweep>().SweepAsync(
            services.GetRequiredService<DurableTaskClient>(), CancellationToken.None, grace: TimeSpan.Zero);

        var row = await new TableClient(fixture.StorageConnectionString, TableNames.Undelivered).GetEntityAsync<TableEntity>(s.Org.Id, "enr|" + s.EnrollmentId);
        Assert.False(row.Value.ContainsKey("NudgedAt"), "the sweep woke a workflow that was waiting as it should");
    }

    [Fact]
    public async Task A_certificate_whose_design_cannot_be_drawn_is_listed_and_rendered_again_after_the_fix()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, OneContentCriterion);
        await BreakTheLogoAsync(s);
        await s.SelfEnrollAsync();
        (await s.CompleteAsync("Read the guide")).EnsureSuccessStatusCode();
        var id = (await s.WaitUntilAsync(d => d["certificateId"] is not null, "a certificate id"))["certificateId"]!.GetValue<string>();

        var listed = await Eventually.ValueAsync(async () => (await (await s.AsAdmin.GetAsync("certificates/attention")).Json())["items"]!.AsArray()
            .FirstOrDefault(i => i!["id"]!.GetValue<string>() == id), "the failed render in the attention list");
        Assert.Equal("render-failed", listed["problem"]!.GetValue<string>());
        Assert.Contains("render it again", listed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var notYet = await (await s.AsLearner.GetAsync($"certificates/{id}/pdf")).Problem(HttpStatusCode.Conflict);
        Assert.Contains("could not be drawn", notYet["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await s.AsCoach.GetAsync("certificates/attention")).Problem(HttpStatusCode.Forbidden);

        // The admin fixes the design and renders it again.
        (await s.AsAdmin.PutAsJsonAsync($"certifications/{s.CertificationId}/certificate-design", new
        {
            heading = "Certificate",
            body = "{{learner}} earned {{certification}}",
            primaryColor = "#112233",
            accentColor = "#445566",
            logo = "data:image/png;base64," + Convert.ToBase64String(Certifications.DevHost.Demo.DemoLogo.Png()),
        })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Accepted, (await s.AsAdmin.PostAsync($"certificates/{id}/render", null)).StatusCode);

        await s.RenderedCertificateAsync();
        await Eventually.WaitUntilAsync(() => Task.FromResult(fixture.MailsTo(s.Learner.Email).Any(m => m.Attachments.Any())), "the certificate e-mail");
        await Eventually.WaitUntilAsync(async () => (await (await s.AsAdmin.GetAsync("certificates/attention")).Json())["items"]!.AsArray()
            .All(i => i!["id"]!.GetValue<string>() != id), "the attention list to let it go");
        await (await s.AsAdmin.PostAsync($"certificates/{id}/render", null)).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_certificate_issued_before_the_index_and_never_drawn_is_put_into_it_once()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var services = fixture.Host.Services;
        var certificate = new Certificate
        {
            Id = Certificate.NewId(),
            OrganizationId = org.Id,
            OrganizationName = "Test Org",
            EnrollmentId = "enr_legacy",
            CertificationId = "crt_legacy",
            CertificationTitle = "Legacy",
            LearnerId = "usr_legacy",
            LearnerName = "Lena Legacy",
            IssuedAt = DateTimeOffset.UtcNow.AddDays(-3),
        };
        await services.GetRequiredService<CertificateRepository>().SaveAsync(certificate);
        await new TableClient(fixture.StorageConnectionString, TableNames.Undelivered).DeleteEntityAsync("~migrations", "undelivered-backfilled");

        await services.GetRequiredService<UndeliveredBackfill>().RunAsync(CancellationToken.None);

        var watched = await services.GetRequiredService<UndeliveredAwards>().CertificatesAsync(org.Id);
        Assert.Equal(certificate.Id, Assert.Single(watched).Id);
    }

    [Fact]
    public async Task Another_organizations_certificate_cannot_be_rendered_again()
    {
        var other = await TestOrganization.CreateAsync(fixture.Host);
        using var stranger = other.AsAdmin();

        await (await stranger.PostAsync("certificates/cer_00000000000000000000000000/render", null)).Problem(HttpStatusCode.NotFound);
    }

    /// <summary>A design whose logo is no image at all, as one saved before logos were checked could be.</summary>
    private async Task BreakTheLogoAsync(WorkflowScenario s)
    {
        var services = fixture.Host.Services;
        var name = $"{s.Org.Id}/{s.CertificationId}/logo-broken.png";
        await new BlobContainerClient(fixture.StorageConnectionString, ContainerNames.Branding).GetBlobClient(name)
            .UploadAsync(BinaryData.FromBytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]), overwrite: true);
        var repository = services.GetRequiredService<CertificationRepository>();
        var current = (await repository.GetAsync(s.Org.Id, s.CertificationId))!;
        var broken = current.Value with { Design = CertificateDesign.Default with { LogoBlob = name } };
        _ = (await repository.UpdateAsync(broken, current.ETag)).Value;
    }
}
