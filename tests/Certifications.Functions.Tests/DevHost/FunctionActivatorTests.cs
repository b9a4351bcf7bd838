using Certifications.DevHost.Functions;
using Certifications.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Certifications.Functions.Tests.DevHost;

/// <summary>
/// The dev host runs every function through one activator: a function it could not bind as the Functions host does is
/// refused when the activator is built (at start-up), naming the function and the parameter; each call runs in a scope of
/// its own.
/// </summary>
public sealed class FunctionActivatorTests
{
    [Fact]
    public void A_parameter_the_dev_host_cannot_bind_stops_it_at_start_up_naming_the_function_and_the_parameter()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var refused = Assert.Throws<NotSupportedException>(() => new FunctionActivator(services, FunctionCatalog.Of(typeof(TakesAService))));

        Assert.Contains("TakesAService.Run", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'clock'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_value_the_route_does_not_name_is_refused_at_start_up()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var refused = Assert.Throws<NotSupportedException>(() => new FunctionActivator(services, FunctionCatalog.Of(typeof(NamesNoSuchValue))));

        Assert.Contains("'code'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_call_outside_a_request_runs_in_its_own_scope()
    {
        await using var services = new ServiceCollection().AddScoped<ScopeProbe>().BuildServiceProvider();
        var catalog = FunctionCatalog.Of(typeof(CountsScopes));
        var activator = new FunctionActivator(services, catalog);
        var function = catalog.Functions.Single();

        var first = await activator.InvokeAsync(function, Invocation.Timer(), CancellationToken.None);
        var second = await activator.InvokeAsync(function, Invocation.Timer(), CancellationToken.None);

        Assert.NotEqual(first, second);
    }

    /// <summary>A function that wants a service as a parameter instead of through its constructor.</summary>
    public sealed class TakesAService
    {
        [Function("TakesAService")]
        public static Task<IActionResult> Run(
            [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe")] HttpRequest request, TimeProvider clock) =>
            Task.FromResult<IActionResult>(new OkResult());
    }

    /// <summary>A function whose string parameter its route does not name.</summary>
    public sealed class NamesNoSuchValue
    {
        [Function("NamesNoSuchValue")]
        public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/{id}")] HttpRequest request, string code) =>
            new OkResult();
    }

    /// <summary>A timer function answering which scope made it.</summary>
    public sealed class CountsScopes(ScopeProbe probe)
    {
        [Function("CountsScopes")]
        public Guid Run([TimerTrigger("0 0 * * * *")] TimerInfo timer) => probe.Id;
    }

    /// <summary>One per scope.</summary>
    public sealed class ScopeProbe
    {
        public Guid Id { get; } = Guid.NewGuid();
    }
}
