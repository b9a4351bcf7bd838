using System.Text.Json.Nodes;

namespace Certifications.Infra.Tests;

/// <summary>The Bicep builds and lints clean, and the compiled template keeps the security rules of the deployment.</summary>
public class InfrastructureTests
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Bicep.InfraFolder, "*.bicep", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(Bicep.InfraFolder, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Every_bicep_file_builds_and_lints_without_warnings(string file)
    {
        var build = await Bicep.RunAsync("build", file, "--stdout");
        var lint = await Bicep.RunAsync("lint", file);

        Assert.True(build.ExitCode == 0, build.Errors);
        Assert.True(lint.ExitCode == 0 && lint.Errors.Trim().Length == 0 && lint.Output.Trim().Length == 0, lint.Errors + lint.Output);
    }

    [Fact]
    public async Task No_output_carries_a_secret_and_nothing_lists_keys()
    {
        var template = await Bicep.CompiledMainAsync();
        var text = template.ToJsonString();

        Assert.DoesNotContain("listKeys(", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DefaultEndpointsProtocol", text, StringComparison.OrdinalIgnoreCase);
        foreach (var output in template["outputs"]!.AsObject())
        {
            Assert.DoesNotContain(output.Value!["type"]!.GetValue<string>(), new[] { "securestring", "secureObject" }, StringComparer.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(?i)secret|password|key|connection", output.Key);
        }
    }

    [Fact]
    public async Task Storage_takes_no_keys_no_public_blobs_and_only_tls_1_2_over_https()
    {
        var storage = Assert.Single(
            Bicep.Resources(await Bicep.CompiledMainAsync()), r => Type(r) == "Microsoft.Storage/storageAccounts" && r["existing"] is null);
        var properties = storage["properties"]!;

        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_function_app_runs_on_flex_consumption_with_its_own_identity_https_only_and_identity_based_storage()
    {
        var template = await Bicep.CompiledMainAsync();
        var resources = Bicep.Resources(template).ToArray();
        var plan = Assert.Single(resources, r => Type(r) == "Microsoft.Web/serverfarms");
        var app = Assert.Single(resources, r => Type(r) == "Microsoft.Web/sites");
        // The settings are a copy loop over an object of names and values: read them as the template's text.
        var settings = app["properties"]!["siteConfig"]!.ToJsonString();

        Assert.Equal("FlexConsumption", plan["sku"]!["tier"]!.GetValue<string>());
        Assert.Equal("SystemAssigned", app["identity"]!["type"]!.GetValue<string>());
        Assert.True(app["properties"]!["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", app["properties"]!["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Contains("AzureWebJobsStorage__accountName", settings, StringComparison.Ordinal);
        Assert.Contains("https://{0}.azurewebsites.net", settings, StringComparison.Ordinal);
        Assert.Contains("Auth__ClientId", template.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage', ", settings, StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(", template.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b")] // Storage Blob Data Owner
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88")] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")] // Storage Table Data Contributor
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6")] // Key Vault Secrets User
    [InlineData("12338af0-0e69-4776-bea7-57ae8d297424")] // Key Vault Crypto User (wraps the webhook secrets' keys)
    public async Task The_app_identity_is_granted_the_roles_it_needs(string roleDefinitionId)
    {
        var text = (await Bicep.CompiledMainAsync()).ToJsonString();

        Assert.Contains(roleDefinitionId, text, StringComparison.Ordinal);
        Assert.Contains(Bicep.Resources(await Bicep.CompiledMainAsync()), r => Type(r) == "Microsoft.Authorization/roleAssignments");
    }

    [Fact]
    public async Task The_storage_account_has_an_event_grid_system_topic_for_the_blob_trigger()
    {
        var resources = Bicep.Resources(await Bicep.CompiledMainAsync()).ToArray();
        var topic = Assert.Single(resources, r => Type(r) == "Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic["properties"]!["topicType"]!.GetValue<string>());
        Assert.Contains("storage", topic["properties"]!["source"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("EVENT_GRID_TOPIC_NAME", (await Bicep.CompiledMainAsync())["outputs"]!.AsObject().Select(o => o.Key));
    }

    [Fact]
    public async Task The_subscription_delivers_blob_created_of_render_requests_to_the_blob_extension_and_outputs_no_key()
    {
        var template = await Bicep.CompiledAsync(Path.Combine("hooks", "blob-subscription.bicep"));
        var subscription = Assert.Single(Bicep.Resources(template), r => Type(r) == "Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var properties = subscription["properties"]!;

        Assert.Equal(["Microsoft.Storage.BlobCreated"], properties["filter"]!["includedEventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("/blobServices/default/containers/", properties["filter"]!["subjectBeginsWith"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("certificate-requests", template["parameters"]!["container"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("WebHook", properties["destination"]!["endpointType"]!.GetValue<string>());
        Assert.Equal("securestring", template["parameters"]!["webhookEndpoint"]!["type"]!.GetValue<string>());
        Assert.Null(template["outputs"]);

        var hook = await File.ReadAllTextAsync(Path.Combine(Bicep.InfraFolder, "hooks", "postdeploy.sh"));
        Assert.Contains("runtime/webhooks/blobs?functionName=Host.Functions.RenderCertificate", hook, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", hook, StringComparison.Ordinal);
        var azd = await File.ReadAllTextAsync(Path.Combine(Bicep.InfraFolder, "..", "azure.yaml"));
        Assert.Contains("infra/hooks/postdeploy.sh", azd, StringComparison.Ordinal);
    }

    private static string Type(JsonObject resource) => resource["type"]?.GetValue<string>() ?? string.Empty;
}
