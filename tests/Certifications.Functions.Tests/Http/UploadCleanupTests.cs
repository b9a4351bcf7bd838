using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Certifications.Functions.Progress;
using Certifications.Functions.Tests.Fixtures;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;
using Microsoft.Extensions.DependencyInjection;

namespace Certifications.Functions.Tests.Http;

/// <summary>A hand-in lands whole or leaves nothing: files of a request cut off halfway, or left by a host that died, do not stay.</summary>
[Collection(DevHostCollection.Name)]
public sealed class UploadCleanupTests(DevHostFixture fixture)
{
    private static readonly object[] EvidenceCriterion = [new { kind = "activity", title = "Upload a role-play", evidenceRequired = true }];

    [Fact]
    public async Task Closing_the_connection_during_the_third_file_leaves_no_file_behind()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, EvidenceCriterion);
        await s.SelfEnrollAsync();
        const string boundary = "cut-off-boundary";
        using var request = new HttpRequestMessage(
            HttpMethod.Post, $"enrollments/{s.EnrollmentId}/criteria/{s.Criterion("Upload a role-play")}/evidence")
        {
            Content = new CutOffContent(boundary),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        await Assert.ThrowsAnyAsync<Exception>(() => s.AsLearner.SendAsync(request));

        var evidence = new BlobContainerClient(fixture.StorageConnectionString, ContainerNames.Evidence);
        await Eventually.WaitUntilAsync(
            async () => (await NamesAsync(evidence, $"{s.Org.Id}/{s.EnrollmentId}/")).Count == 0,
            "the cut-off hand-in's files to be removed", 15);
        Assert.Equal("NotStarted", (await s.DetailAsync())["criteria"]![0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Files_a_dead_host_left_pending_are_removed_and_a_recorded_hand_in_is_kept()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, EvidenceCriterion);
        await s.SelfEnrollAsync();
        (await s.UploadAsync("Upload a role-play", "My call", "%PDF-1.4 kept"u8.ToArray())).EnsureSuccessStatusCode();
        var store = fixture.Host.Services.GetRequiredService<EvidenceStore>();
        var evidence = new BlobContainerClient(fixture.StorageConnectionString, ContainerNames.Evidence);
        var kept = Assert.Single(await NamesAsync(evidence, $"{s.Org.Id}/{s.EnrollmentId}/"));

        // A host that died after recording the hand-in but before committing its file, and one that died mid-upload.
        await evidence.GetBlobClient(kept).SetTagsAsync(new Dictionary<string, string> { ["handin"] = "pending" });
        var orphan = EvidenceStore.BlobName(s.Org.Id, s.EnrollmentId!, "evd_00000000000000000000000000", 0);
        await store.UploadAsync(orphan, new MemoryStream("%PDF-1.4 lost"u8.ToArray()), "application/pdf");

        var removed = await fixture.Host.Services.GetRequiredService<AbandonedUploads>().RunAsync(
            DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

        Assert.True(removed >= 1);
        Assert.False((await evidence.GetBlobClient(orphan).ExistsAsync()).Value);
        Assert.True((await evidence.GetBlobClient(kept).ExistsAsync()).Value);
        Assert.Empty((await evidence.GetBlobClient(kept).GetTagsAsync()).Value.Tags);
    }

    private static async Task<List<string>> NamesAsync(BlobContainerClient container, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>A multipart body of two whole files, then half of a third, then the connection goes.</summary>
    private sealed class CutOffContent(string boundary) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < 3; i++)
            {
                var header = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"part-{i}.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(header));
                await stream.WriteAsync(new byte[i < 2 ? 256 * 1024 : 128 * 1024]);
                if (i == 2)
                {
                    await stream.FlushAsync();
                    await Task.Delay(500);
                    throw new IOException("The connection was cut.");
                }

                await stream.WriteAsync("\r\n"u8.ToArray());
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
