using Azure.Data.Tables;
using Certifications.Storage.Common;

namespace Certifications.Bench;

/// <summary>
/// The floor: a bare ASP.NET Core minimal API doing the same Table reads as the real routes, with no identity,
/// no rules and no mapping beyond handing the entities to the serializer.
/// </summary>
public static class BareEndpoints
{
    public static async Task<WebApplication> StartAsync(string storageConnectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var tables = new TableServiceClient(storageConnectionString);
        var app = builder.Build();

        var enrollments = tables.GetTableClient(TableNames.Enrollments);
        var learnerIndex = tables.GetTableClient(TableNames.LearnerEnrollments);
        var certifications = tables.GetTableClient(TableNames.Certifications);

        app.MapGet("/bare/learning-records/{org}/{cert}", async (string org, string cert, int pageSize) =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {$"{org}|{cert}"}");
            await foreach (var page in enrollments.QueryAsync<TableEntity>(filter, pageSize).AsPages())
            {
                return Results.Ok(new { items = page.Values.Select(e => e.ToDictionary()), continuationToken = page.ContinuationToken });
            }

            return Results.Ok(new { items = Array.Empty<object>() });
        });

        app.MapGet("/bare/assignments/{org}/{learner}", async (string org, string learner) =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {$"{org}|{learner}"}");
            var ids = new List<string>();
            await foreach (var e in learnerIndex.QueryAsync<TableEntity>(filter, select: ["RowKey"]))
            {
                ids.Add(e.RowKey);
            }

            var items = await Task.WhenAll(ids.Select(async cert =>
            {
                var enrollment = enrollments.GetEntityAsync<TableEntity>($"{org}|{cert}", learner);
                var certification = await certifications.GetEntityAsync<TableEntity>(org, cert);
                return new { enrollment = (await enrollment).Value.ToDictionary(), certification = certification.Value.ToDictionary() };
            }));
            return Results.Ok(new { items });
        });

        await app.StartAsync();
        return app;
    }

    private static Dictionary<string, object?> ToDictionary(this TableEntity entity) => entity.Keys.ToDictionary(k => k, k => (object?)entity[k]);
}
