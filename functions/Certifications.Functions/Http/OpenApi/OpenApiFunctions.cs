using Certifications.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.Functions.Http.OpenApi;

/// <summary>Serves the OpenAPI document: for the web app's generated client and for LMS integrators.</summary>
public sealed class OpenApiFunctions
{
    [PublicEndpoint]
    [ApiResponse(200, typeof(System.Text.Json.Nodes.JsonObject), Description = "This document")]
    [Function(nameof(GetOpenApiDocument))]
    public IActionResult GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        ApiResult.Ok(OpenApiDocument.Current);
}
