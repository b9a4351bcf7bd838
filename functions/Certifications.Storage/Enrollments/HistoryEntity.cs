using Azure;
using Azure.Data.Tables;
using Certifications.Domain.Enrollments;
using Certifications.Storage.Common;

namespace Certifications.Storage.Enrollments;

/// <summary>
/// What a learning record gathers with use (hand-ins, reviews, approval decisions), one row each beside the record in
/// its partition, so no row grows with use: the record's own row keeps counts. Rows are only ever added, in the same
/// transaction as the record's conditional update, so a record and its history never disagree.
/// </summary>
internal sealed class HistoryEntity : ITableEntity
{
    public const string EvidenceKind = "e";
    public const string ReviewKind = "r";
    public const string ApprovalKind = "a";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Kind { get; set; } = string.Empty;

    /// <summary>The hand-in's criterion; null for reviews and approvals.</summary>
    public string? CriterionId { get; set; }

    public int Round { get; set; }

    public string Data { get; set; } = string.Empty;

    /// <summary>Keys sort by learner, kind and position; a hand-in's key also names its round and criterion.</summary>
    public static string Evidence(string learnerId, int round, string criterionId, int index) =>
        $"{learnerId}|{EvidenceKind}|{round:D4}|{criterionId}|{index:D4}";

    public static string Review(string learnerId, int index) => $"{learnerId}|{ReviewKind}|{index:D6}";

    public static string Approval(string learnerId, int index) => $"{learnerId}|{ApprovalKind}|{index:D6}";

    /// <summary>The first key after every history row of the learner ('|' + 1 is '}').</summary>
    public static string End(string learnerId) => learnerId + "}";

    public static HistoryEntity For<T>(string partition, string rowKey, string kind, T value, string? criterionId = null, int round = 0) => new()
    {
        PartitionKey = partition,
        RowKey = rowKey,
        Kind = kind,
        CriterionId = criterionId,
        Round = round,
        Data = StorageJson.Write(value),
    };

    public T Read<T>()
        where T : class =>
        StorageJson.Read<T?>(Data, null) ?? throw new InvalidDataException($"History row {RowKey} holds no {typeof(T).Name}.");

    /// <summary>The rows that <paramref name="after"/> has and <paramref name="before"/> (as stored) had not: history only grows.</summary>
    public static IEnumerable<HistoryEntity> Added(Enrollment? before, Enrollment after)
    {
        if (before is not null
            && (after.Reviews.Count < before.Reviews.Count || after.ApprovalDecisions.Count < before.ApprovalDecisions.Count || after.Round < before.Round))
        {
            throw new InvalidOperationException($"Enrollment {after.Id} would lose history; history only grows (a fresh start is a new round).");
        }

        var partition = EnrollmentEntity.Partition(after.OrganizationId, after.CertificationId);
        var learner = after.LearnerId;
        var sameRound = before is not null && before.Round == after.Round;
        foreach (var progress in after.Criteria)
        {
            var stored = sameRound ? before!.Progress(progress.CriterionId)?.Evidence.Count ?? 0 : 0;
            for (var i = stored; i < progress.Evidence.Count; i++)
            {
                yield return For(
                    partition, Evidence(learner, after.Round, progress.CriterionId, i), EvidenceKind, progress.Evidence[i], progress.CriterionId, after.Round);
            }
        }

        for (var i = before?.Reviews.Count ?? 0; i < after.Reviews.Count; i++)
        {
            yield return For(partition, Review(learner, i), ReviewKind, after.Reviews[i]);
        }

        for (var i = before?.ApprovalDecisions.Count ?? 0; i < after.ApprovalDecisions.Count; i++)
        {
            yield return For(partition, Approval(learner, i), ApprovalKind, after.ApprovalDecisions[i]);
        }
    }
}
