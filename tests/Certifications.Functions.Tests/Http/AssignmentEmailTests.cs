using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Certifications.Functions.Tests.Fixtures;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Certifications.Functions.Tests.Http;

[Collection(DevHostCollection.Name)]
public sealed class AssignmentEmailTests(DevHostFixture fixture)
{
    [Fact]
    public async Task With_an_smtp_server_configured_the_learner_receives_the_assignment_by_smtp()
    {
        var port = FreePort();
        var inbox = new Inbox();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(inbox);
        var server = new SmtpServer.SmtpServer(
            new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build(), provider);
        using var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        await using var host = await fixture.StartHostAsync(
            new Dictionary<string, string?>
            {
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:UseTls"] = "false"
            });
        var org = await TestOrganization.CreateAsync(host);
        var zoe = await org.AddUserAsync("Zoë Ångström-Núñez");
        var id = await org.PublishedCertificationAsync("Product Essentials");
        using var admin = org.AsAdmin();

        (await admin.PostAsJsonAsync(
            $"certifications/{id}/assignments",
            new { learnerIds = new[] { zoe.Id }, dueDate = new DateTimeOffset(2031, 3, 14, 0, 0, 0, TimeSpan.Zero), message = "Welcome aboard!" }))
            .EnsureSuccessStatusCode();

        var message = Assert.Single(inbox.Messages);
        Assert.Equal(zoe.Email, message.To.Mailboxes.Single().Address);
        Assert.Equal("Zoë Ångström-Núñez", message.To.Mailboxes.Single().Name);
        Assert.Equal("You have been assigned: Product Essentials", message.Subject);
        Assert.Contains("Friday 14 March 2031", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Welcome aboard!", message.TextBody, StringComparison.Ordinal);
        await stop.CancelAsync();
        server.Shutdown();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Keeps every message the SMTP server receives.</summary>
    private sealed class Inbox : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
