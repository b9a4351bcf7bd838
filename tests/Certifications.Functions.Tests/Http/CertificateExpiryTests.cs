using Certifications.DevHost.Triggers;
using Certifications.Domain.Certificates;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;
using Certifications.Storage.Certificates;
using Microsoft.Extensions.DependencyInjection;

namespace Certifications.Functions.Tests.Http;

/// <summary>The nightly expiry timer, run through the dev host's timer trigger on records in Azurite.</summary>
[Collection(DevHostCollection.Name)]
public class CertificateExpiryTests(DevHostFixture fixture)
{
    [Fact]
    public async Task The_timer_reminds_learner_and_coach_once_before_expiry_and_marks_expired_ones()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var coach = await org.AddUserAsync("Carla Coach", Role.Coach);
        var soon = await org.AddUserAsync("Sören Soon", Role.Learner, coachId: coach.Id);
        var past = await org.AddUserAsync("Paula Past", Role.Learner, coachId: coach.Id);
        var later = await org.AddUserAsync("Lars Later", Role.Learner, coachId: coach.Id);
        var now = DateTimeOffset.UtcNow;
        var expiringSoon = await SaveAsync(org, soon, now.AddDays(10));
        var expired = await SaveAsync(org, past, now.AddDays(-1));
        var notYet = await SaveAsync(org, later, now.AddDays(45));

        await SweepAsync();
        await SweepAsync();

        var reminder = Assert.Single(fixture.MailsTo(soon.Email), m => (m.Subject ?? string.Empty).StartsWith("Expires on", StringComparison.Ordinal));
        Assert.Contains(reminder.To.Mailboxes, m => m.Address == coach.Email);
        Assert.Single(fixture.MailsTo(past.Email), m => (m.Subject ?? string.Empty).StartsWith("Certificate expired", StringComparison.Ordinal));
        Assert.Empty(fixture.MailsTo(later.Email));

        var repository = fixture.Host.Services.GetRequiredService<CertificateRepository>();
        Assert.NotNull((await repository.GetAsync(expiringSoon))!.Value.ExpiryRemindedAt);
        Assert.NotNull((await repository.GetAsync(expired))!.Value.ExpiredAt);
        Assert.Null((await repository.GetAsync(notYet))!.Value.ExpiryRemindedAt);
        Assert.Equal("expired", (await (await fixture.Anonymous.GetAsync($"verify/{expired}")).Json())["status"]!.GetValue<string>());
        Assert.Equal("valid", (await (await fixture.Anonymous.GetAsync($"verify/{expiringSoon}")).Json())["status"]!.GetValue<string>());
    }

    private Task SweepAsync() => fixture.Host.Services.GetRequiredService<TimerTriggers>().RunAsync("SweepCertificateExpiry", CancellationToken.None);

    private async Task<string> SaveAsync(TestOrganization org, User learner, DateTimeOffset expiresAt)
    {
        var certificate = new Certificate
        {
            Id = Certificate.NewId(),
            OrganizationId = org.Id,
            OrganizationName = "Test organization",
            EnrollmentId = "enr_" + Guid.NewGuid().ToString("N"),
            CertificationId = "crt_" + Guid.NewGuid().ToString("N"),
            CertificationTitle = "Data Protection Basics",
            LearnerId = learner.Id,
            LearnerName = learner.DisplayName,
            IssuedAt = expiresAt.AddMonths(-12),
            ExpiresAt = expiresAt,
        };
        await fixture.Host.Services.GetRequiredService<CertificateRepository>().SaveAsync(certificate);
        return certificate.Id;
    }
}
