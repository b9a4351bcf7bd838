using Certifications.Functions.Hosting;
using Certifications.Functions.Identity;
using Certifications.Functions.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace Certifications.Functions.Tests.Host;

/// <summary>
/// The worker's host as Program.cs builds it, with the container checking scopes and every registration at build: every
/// function class can be made, and the gate in front of HTTP functions lets the right calls through.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class WorkerHostTests(DevHostFixture fixture) : IDisposable
{
    private readonly IHost host = Build(fixture);

    [Fact]
    public void Every_function_class_is_made_from_the_worker_hosts_services()
    {
        using var scope = host.Services.CreateScope();
        var classes = FunctionCatalog.App.Functions.Select(f => f.Method.DeclaringType!).Where(t => !t.IsAbstract).Distinct().ToList();

        Assert.NotEmpty(classes);
        Assert.All(classes, type => Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type)));
    }

    [Fact]
    public async Task The_gate_lets_a_public_call_through_and_stops_an_anonymous_call_to_a_private_function()
    {
        var gate = ActivatorUtilities.CreateInstance<GateMiddleware>(host.Services);

        var (publicRan, _) = await InvokeAsync(gate, "VerifyCertificate", token: null);
        var (privateRan, refused) = await InvokeAsync(gate, "GetMe", token: null);

        Assert.True(publicRan);
        Assert.False(privateRan);
        Assert.Equal(StatusCodes.Status401Unauthorized, refused.Response.StatusCode);
    }

    [Fact]
    public async Task The_gate_lets_a_signed_in_caller_through_to_their_own_organization()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var token = fixture.Host.Services.GetRequiredService<Certifications.DevHost.Identity.DevAccounts>().TokenFor(org.Admin);
        var gate = ActivatorUtilities.CreateInstance<GateMiddleware>(host.Services);

        var (ran, http) = await InvokeAsync(gate, "GetMe", token);

        Assert.True(ran, $"refused with {http.Response.StatusCode}");
    }

    public void Dispose() => host.Dispose();

    /// <summary>Runs the middleware for a function with an HTTP context as the ASP.NET Core integration hands it over.</summary>
    private async Task<(bool Ran, HttpContext Http)> InvokeAsync(GateMiddleware gate, string function, string? token)
    {
        using var scope = host.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = new MemoryStream();
        if (token is not null)
        {
            http.Request.Headers.Authorization = "Bearer " + token;
        }

        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(function);
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.InstanceServices).Returns(scope.ServiceProvider);
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object> { ["HttpRequestContext"] = http });

        var ran = false;
        await gate.Invoke(context.Object, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        return (ran, http);
    }

    private static IHost Build(DevHostFixture fixture)
    {
        var builder = FunctionsApplication.CreateBuilder([]);

        // As `func start` runs it on a developer's machine (AZURE_FUNCTIONS_ENVIRONMENT=Development): the local keys are allowed.
        builder.Environment.EnvironmentName = Environments.Development;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = fixture.StorageConnectionString,
            ["Auth:DevelopmentSigningKey"] = fixture.SigningKey,
            ["Smtp:OutboxFolder"] = fixture.Outbox,
            ["Secrets:LocalKeyFile"] = fixture.SecretsKeyFile,
        });
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));

        // What Program.cs does, line for line.
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<GateMiddleware>();
        builder.Services.AddWorkerTelemetry();
        builder.Services.AddCertificationsApp(builder.Configuration);
        return builder.Build();
    }
}
