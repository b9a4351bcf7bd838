using Certifications.Domain.Common;
using Certifications.Domain.Organizations;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.Functions.Organizations;

/// <summary>GET/PUT /org/settings: the organization's name, add-ons, branding and webhook secret.</summary>
public sealed class OrganizationFunctions(OrganizationService organizations, TimeProvider clock)
{
    [ApiResponse(200, typeof(OrganizationSettingsResponse))]
    [Function(nameof(GetOrganizationSettings))]
    public async Task<IActionResult> GetOrganizationSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "org/settings")] HttpRequest request, CancellationToken cancellationToken)
    {
        var result = await organizations.GetAsync(EndpointGate.CallerOf(request), cancellationToken);
        return result.ToHttp(o => ApiResult.Ok(OrganizationSettingsResponse.From(o.Value, clock.GetUtcNow()), o.PublicETag));
    }

    [ApiRequest(typeof(OrganizationSettingsInput))]
    [ApiResponse(200, typeof(OrganizationSettingsResponse))]
    [Function(nameof(UpdateOrganizationSettings))]
    public async Task<IActionResult> UpdateOrganizationSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "org/settings")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var result = await request.ReadJsonAsync<OrganizationSettingsInput>(async () =>
                await organizations.GetAsync(caller, cancellationToken) is { IsSuccess: true } shown ? OrganizationSettingsResponse.From(
                    shown.Value.Value, clock.GetUtcNow()) : null)
            .BindAsync(input => organizations.UpdateAsync(caller, input, request.IfMatch(), cancellationToken));
        return result.ToHttp(o => ApiResult.Ok(OrganizationSettingsResponse.From(o.Value, clock.GetUtcNow()), o.PublicETag));
    }
}
