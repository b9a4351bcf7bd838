using Certifications.Domain.Common;
using Certifications.Domain.Organizations;
using Certifications.Domain.People;

namespace Certifications.Domain.Tests;

public sealed class PeopleAndSettingsTests
{
    /// <summary>The caller's sign-in tenant where the test names no tenant.</summary>
    private const string? NoTenant = null;

    private static readonly HashSet<string> Groups = ["grp_sales"];
    private static readonly HashSet<string> Coaches = ["usr_coach"];

    private static UserInput Valid() =>
        new()
        {
            Email = " Zoe.Angstrom@Northwind.example ",
            DisplayName = "Zoë Ångström-Núñez",
            Roles = ["learner"],
            GroupIds = ["grp_sales"],
            CoachId = "usr_coach"
        };

    [Fact]
    public void A_valid_user_is_stored_with_a_lower_cased_email_and_parsed_roles()
    {
        var user = Valid().ToUser("usr_new", Build.OrgId, Build.Now, Groups, Coaches).Value;

        Assert.Equal("zoe.angstrom@northwind.example", user.Email);
        Assert.Equal([Role.Learner], user.Roles);
        Assert.Equal("Zoë Ångström-Núñez", user.DisplayName);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("")]
    public void Emails_must_be_addresses(string email) =>
        Assert.Contains("email", (Valid() with { Email = email }).ToUser("usr_new", Build.OrgId, Build.Now, Groups, Coaches).Error!.Fields!.Keys);

    [Theory]
    [InlineData("Owner")]
    [InlineData("1")]
    public void Roles_are_the_three_of_the_product(string role) =>
        Assert.Contains("roles", (Valid() with { Roles = [role] }).ToUser("usr_new", Build.OrgId, Build.Now, Groups, Coaches).Error!.Fields!.Keys);

    [Fact]
    public void A_user_is_in_at_most_ninety_groups_so_it_is_one_transaction()
    {
        var groups = Enumerable.Range(0, UserInput.MaxGroups + 1).Select(i => $"grp_{i}").ToArray();
        var known = groups.ToHashSet(StringComparer.Ordinal);

        Assert.True((Valid() with { GroupIds = groups[..UserInput.MaxGroups] }).ToUser("usr_new", Build.OrgId, Build.Now, known, Coaches).IsSuccess);
        Assert.Contains("groupIds", (Valid() with { GroupIds = groups }).ToUser("usr_new", Build.OrgId, Build.Now, known, Coaches).Error!.Fields!.Keys);
    }

    [Theory]
    [InlineData("Ada\nAdmin")]
    [InlineData("Ada\u0000")]
    [InlineData("Ada\u009b")]
    public void A_display_name_is_one_line_without_control_characters(string escaped) =>
        Assert.Contains(
            "displayName", (Valid() with { DisplayName = System.Text.RegularExpressions.Regex.Unescape(escaped) }).ToUser(
            "usr_new", Build.OrgId, Build.Now, Groups, Coaches).Error!.Fields!.Keys);

    [Fact]
    public void Groups_and_coaches_must_exist_in_the_organization()
    {
        var error = (Valid() with { GroupIds = ["grp_elsewhere"], CoachId = "usr_notacoach" }).ToUser(
            "usr_new", Build.OrgId, Build.Now, Groups, Coaches).Error!;

        Assert.Contains("groupIds", error.Fields!.Keys);
        Assert.Contains("coachId", error.Fields!.Keys);
    }

    [Fact]
    public void Nobody_coaches_themselves() =>
        Assert.Contains("coachId", Valid().ToUser("usr_coach", Build.OrgId, Build.Now, Groups, Coaches).Error!.Fields!.Keys);

    [Fact]
    public void A_webhook_secret_must_be_in_standard_webhooks_form()
    {
        var valid = "whsec_" + Convert.ToBase64String(new byte[32]);

        Assert.True(new OrganizationSettingsInput { Name = "N", WebhookSecret = valid }.ApplyTo(Build.Organization(), Build.Now, NoTenant).IsSuccess);
        Assert.Contains(
            "webhookSecret", new OrganizationSettingsInput { Name = "N", WebhookSecret = "hunter2" }.ApplyTo(
            Build.Organization(), Build.Now, NoTenant).Error!.Fields!.Keys);
    }

    [Fact]
    public void Leaving_the_secret_out_keeps_it_and_an_empty_one_removes_it()
    {
        var organization = Build.Organization() with { WebhookSecret = "whsec_" + Convert.ToBase64String(new byte[32]) };

        Assert.Equal(organization.WebhookSecret, new OrganizationSettingsInput { Name = "N" }.ApplyTo(organization, Build.Now, NoTenant).Value.WebhookSecret);
        Assert.Null(new OrganizationSettingsInput { Name = "N", WebhookSecret = "" }.ApplyTo(organization, Build.Now, NoTenant).Value.WebhookSecret);
    }

    [Fact]
    public void A_new_secret_keeps_the_previous_one_valid_for_24_hours()
    {
        var old = "whsec_" + Convert.ToBase64String(new byte[32]);
        var fresh = "whsec_" + Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());
        var organization = Build.Organization() with { WebhookSecret = old };

        var rotated = new OrganizationSettingsInput { WebhookSecret = fresh }.ApplyTo(organization, Build.Now, NoTenant).Value;

        Assert.Equal([fresh, old], rotated.WebhookSecretsAt(Build.Now.AddHours(23)));
        Assert.Equal([fresh], rotated.WebhookSecretsAt(Build.Now.AddHours(24)));
        Assert.Equal(
            [fresh, old], new OrganizationSettingsInput { WebhookSecret = fresh }.ApplyTo(rotated, Build.Now.AddHours(1), NoTenant).Value.WebhookSecretsAt(
            Build.Now.AddHours(2)));
        Assert.Empty(new OrganizationSettingsInput { WebhookSecret = "" }.ApplyTo(rotated, Build.Now, NoTenant).Value.WebhookSecretsAt(Build.Now));
    }

    [Fact]
    public void Settings_left_out_keep_their_value_but_a_blank_name_is_refused()
    {
        var organization = Build.Organization() with { Name = "Northwind", CertificationsEnabled = true };

        var switchedOff = new OrganizationSettingsInput { AddOns = new() { Certifications = false } }.ApplyTo(organization, Build.Now, NoTenant).Value;

        Assert.Equal("Northwind", switchedOff.Name);
        Assert.False(switchedOff.CertificationsEnabled);
        Assert.Contains("name", new OrganizationSettingsInput { Name = " " }.ApplyTo(organization, Build.Now, NoTenant).Error!.Fields!.Keys);
    }

    [Fact]
    public void The_secret_hint_does_not_reveal_the_secret()
    {
        var secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        var hint = WebhookSecrets.Hint(secret)!;

        Assert.True(hint.Length < 12);
        Assert.DoesNotContain(secret[6..^4], hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_is_named_only_from_inside_it_and_never_removed()
    {
        var tenant = Guid.NewGuid().ToString();
        var organization = Build.Organization() with { EntraTenantId = Guid.NewGuid().ToString() };

        Assert.Equal(ErrorKind.Forbidden, new OrganizationSettingsInput { EntraTenantId = tenant }.ApplyTo(organization, Build.Now, NoTenant).Error!.Kind);
        Assert.Equal(tenant, new OrganizationSettingsInput { EntraTenantId = tenant }.ApplyTo(organization, Build.Now, tenant).Value.EntraTenantId);
        Assert.Contains(
            "entraTenantId", new OrganizationSettingsInput { EntraTenantId = string.Empty }.ApplyTo(organization, Build.Now, NoTenant).Error!.Fields!.Keys);
    }

    [Fact]
    public void The_previous_secret_can_be_revoked_before_its_overlap_ends()
    {
        var old = "whsec_" + Convert.ToBase64String(new byte[32]);
        var fresh = "whsec_" + Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());
        var organization = Build.Organization() with { WebhookSecret = old };
        var rotated = new OrganizationSettingsInput { WebhookSecret = fresh }.ApplyTo(organization, Build.Now, NoTenant).Value;

        var revoked = new OrganizationSettingsInput { RevokePreviousWebhookSecret = true }.ApplyTo(rotated, Build.Now.AddMinutes(5), NoTenant).Value;

        Assert.Equal([fresh], revoked.WebhookSecretsAt(Build.Now.AddMinutes(6)));
    }
}
