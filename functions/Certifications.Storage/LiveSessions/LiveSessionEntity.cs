using Azure;
using Azure.Data.Tables;
using Certifications.Domain.LiveSessions;
using Certifications.Storage.Common;

namespace Certifications.Storage.LiveSessions;

/// <summary>A live session: partition = organization; coach, learner, certification and start are columns the queries filter on.</summary>
internal sealed class LiveSessionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CoachId { get; set; } = string.Empty;

    public string LearnerId { get; set; } = string.Empty;

    public string CertificationId { get; set; } = string.Empty;

    public DateTimeOffset StartsAt { get; set; }

    public string Data { get; set; } = "{}";

    public static LiveSessionEntity From(LiveSession s) => new()
    {
        PartitionKey = s.OrganizationId,
        RowKey = s.Id,
        CoachId = s.CoachId,
        LearnerId = s.LearnerId,
        CertificationId = s.CertificationId,
        StartsAt = s.StartsAt,
        Data = StorageJson.Write(s),
    };

    public LiveSession ToSession() => StorageJson.Read<LiveSession?>(Data, null) ?? throw new InvalidDataException($"Live session {RowKey} has no data.");
}
