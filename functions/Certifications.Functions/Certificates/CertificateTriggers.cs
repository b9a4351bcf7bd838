using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Certificates;

/// <summary>The certificate's background work: rendering each render request, the delivery sweep, and the nightly expiry sweep.</summary>
public sealed class CertificateTriggers(CertificateRendering rendering, CertificateExpiry expiry, DeliverySweep sweep)
{
    /// <summary>
    /// Event Grid source: Flex Consumption runs no polling blob trigger. infra/hooks/postdeploy.sh subscribes the
    /// storage account's BlobCreated events for the container; the dev host watches the container instead.
    /// </summary>
    [Function(nameof(RenderCertificate))]
    public Task RenderCertificate(
        [BlobTrigger("certificate-requests/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] Stream request, string name,
        CancellationToken cancellationToken) =>
        rendering.RenderAsync(request, name, cancellationToken);

    /// <summary>Every hour, and once when the host starts: nothing earned waits longer than that for a lost message or a failed step.</summary>
    [Function(nameof(SweepUndelivered))]
    public Task SweepUndelivered(
        [TimerTrigger("0 0 * * * *", RunOnStartup = true)] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        sweep.SweepAsync(durable, cancellationToken);

    /// <summary>02:30 UTC every night.</summary>
    [Function(nameof(SweepCertificateExpiry))]
    public Task SweepCertificateExpiry([TimerTrigger("0 30 2 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        expiry.SweepAsync(cancellationToken);
}
