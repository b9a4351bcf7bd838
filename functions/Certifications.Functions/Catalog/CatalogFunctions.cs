using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Functions.Certificates;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Certifications.Storage.Catalog;
using Certifications.Storage.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Catalog;

/// <summary>The certification catalog: create, read, edit, publish, archive, view access, certificate design.</summary>
[RequiresCertificationsAddOn]
public sealed class CatalogFunctions(CatalogService catalog, DesignPreview preview, CertificationCountsRepository counts)
{
    /// <summary>A design carries its logo as a data URL of up to 1 MB, so its body may be larger than others.</summary>
    // A design's JSON carries at most a 1 MB logo and a 2 MB heading font, each as base64 (4/3 of its size), and its text.
    private const long MaxDesignBytes = 5 * 1024 * 1024;

    [ApiRequest(typeof(CertificationInput))]
    [ApiResponse(201, typeof(CertificationResponse))]
    [Function(nameof(CreateCertification))]
    public async Task<IActionResult> CreateCertification(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certifications")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var result = await request.ReadJsonAsync<CertificationInput>().BindAsync(input => catalog.CreateAsync(caller, input, cancellationToken));
        return result.ToHttp(c => ApiResult.Created(CertificationResponse.From(c.Value), $"/api/certifications/{c.Value.Id}", c.PublicETag));
    }

    [ApiResponse(200, typeof(ListResponse<CertificationResponse>))]
    [Function(nameof(ListCertifications))]
    public async Task<IActionResult> ListCertifications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certifications")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var countsTask = caller.IsSuperAdmin ? counts.ListAsync(caller.OrganizationId, cancellationToken) : null;
        var visible = await catalog.ListAsync(caller, cancellationToken);
        var counted = countsTask is null ? null : await countsTask;
        return ListPaging.Answer(request, visible.Select(c => CertificationResponse.From(c) with
        {
            Learners = counted?.GetValueOrDefault(c.Id) is { } n ? new(n.Learners, n.Overdue, n.Earned, n.CountedAt) : null,
        }));
    }

    [ApiResponse(200, typeof(ListResponse<CertificationResponse>))]
    [Function(nameof(DiscoverCertifications))]
    public async Task<IActionResult> DiscoverCertifications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/discover")] HttpRequest request, CancellationToken cancellationToken)
    {
        var open = await catalog.DiscoverAsync(EndpointGate.CallerOf(request), cancellationToken);
        return ListPaging.Answer(request, open.Select(CertificationResponse.From));
    }

    [ApiResponse(200, typeof(CertificationResponse))]
    [Function(nameof(GetCertification))]
    public async Task<IActionResult> GetCertification(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certifications/{id}")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        Answer(await catalog.GetAsync(EndpointGate.CallerOf(request), id, cancellationToken));

    [ApiRequest(typeof(CertificationInput))]
    [ApiResponse(200, typeof(CertificationResponse))]
    [Function(nameof(UpdateCertification))]
    public async Task<IActionResult> UpdateCertification(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "certifications/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        return Answer(await request.ReadJsonAsync<CertificationInput>(async () =>
                await catalog.GetAsync(caller, id, cancellationToken) is { IsSuccess: true } shown ? CertificationResponse.From(shown.Value.Value) : null)
            .BindAsync(input => catalog.UpdateAsync(caller, id, input, request.IfMatch(), cancellationToken)));
    }

    [ApiResponse(200, typeof(CertificationResponse))]
    [Function(nameof(PublishCertification))]
    public async Task<IActionResult> PublishCertification(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certifications/{id}/publish")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        Answer(await catalog.PublishAsync(EndpointGate.CallerOf(request), id, request.IfMatch(), cancellationToken));

    [ApiResponse(200, typeof(CertificationResponse))]
    [Function(nameof(ArchiveCertification))]
    public async Task<IActionResult> ArchiveCertification(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certifications/{id}/archive")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        return Answer(await catalog.ArchiveAsync(caller, id, request.IfMatch(), durable, cancellationToken));
    }

    [ApiRequest(typeof(ViewAccessInput))]
    [ApiResponse(200, typeof(CertificationResponse))]
    [Function(nameof(SetViewAccess))]
    public async Task<IActionResult> SetViewAccess(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "certifications/{id}/view-access")] HttpRequest request, string id,
            CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        return Answer(
            await request.ReadJsonAsync<ViewAccessInput>().BindAsync(
            input => catalog.SetViewAccessAsync(caller, id, input, request.IfMatch(), cancellationToken)));
    }

    [ApiRequest(typeof(CertificateDesignInput))]
    [ApiResponse(200, typeof(CertificationResponse))]
    [Function(nameof(SetCertificateDesign))]
    public async Task<IActionResult> SetCertificateDesign(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "certifications/{id}/certificate-design")] HttpRequest request, string id,
            CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        return Answer(
            await request.ReadJsonAsync<CertificateDesignInput>(MaxDesignBytes).BindAsync(
            input => catalog.SetDesignAsync(caller, id, input, request.IfMatch(), cancellationToken)));
    }

    [ApiQuery("format", "pdf (the default) or png: the PDF or the picture, both from the same drawing")]
    [ApiResponse(200, ContentType = "application/pdf", Description = "The certificate as the design draws it, with sample values")]
    [ApiResponse(200, ContentType = "image/png", Description = "Its picture, with ?format=png")]
    [Function(nameof(PreviewCertificateDesign))]
    public async Task<IActionResult> PreviewCertificateDesign(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certifications/{id}/certificate-design/preview")] HttpRequest request, string id,
            CancellationToken cancellationToken)
    {
        var format = CertificateFormats.Of(request);
        return !format.IsSuccess
            ? Problems.For(format.Error!)
            : (await preview.RenderAsync(EndpointGate.CallerOf(request), id, cancellationToken))
                .ToHttp(sample => CertificateFormats.Answer(sample, format.Value, "certificate-preview"));
    }

    [ApiRequest(typeof(CertificateDesignInput))]
    [ApiQuery("format", "pdf (the default) or png: the PDF or the picture, both from the same drawing")]
    [ApiResponse(200, ContentType = "application/pdf", Description = "The certificate as the design sent draws it, with sample values; nothing is saved")]
    [ApiResponse(200, ContentType = "image/png", Description = "Its picture, with ?format=png")]
    [Function(nameof(PreviewCertificateDesignDraft))]
    public async Task<IActionResult> PreviewCertificateDesignDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certifications/{id}/certificate-design/preview")] HttpRequest request, string id,
            CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var format = CertificateFormats.Of(request);
        if (!format.IsSuccess)
        {
            return Problems.For(format.Error!);
        }

        return (await request.ReadJsonAsync<CertificateDesignInput>(MaxDesignBytes).BindAsync(
            input => preview.RenderDraftAsync(caller, id, input, cancellationToken)))
            .ToHttp(sample => CertificateFormats.Answer(sample, format.Value, "certificate-preview"));
    }

    private static IActionResult Answer(Result<Versioned<Certification>> result) =>
        result.ToHttp(c => ApiResult.Ok(CertificationResponse.From(c.Value), c.PublicETag));
}
