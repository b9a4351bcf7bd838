using Certifications.Domain.Certificates;

namespace Certifications.Domain.Tests;

public class CertificateWordingTests
{
    [Fact]
    public void Every_placeholder_is_filled_from_the_certificate()
    {
        var text = CertificateWording.Fill(
            "{{learner}} earned {{ certification }} on {{date}}, valid until {{expires}} ({{id}}).", CertificateRulesTests.Certificate());

        Assert.Equal("Zoë Ångström-Núñez earned Giving Feedback on 10 January 2026, valid until 10 January 2027 (cer_3v9pq4cz0x5gk2m7w8a1d6e4fh).", text);
    }

    [Fact]
    public void A_certificate_without_expiry_says_so_where_the_design_asks_for_the_expiry()
    {
        Assert.Equal("until no expiry date", CertificateWording.Fill("until {{expires}}", CertificateRulesTests.Certificate() with { ExpiresAt = null }));
    }

    [Fact]
    public void The_body_is_split_around_the_first_mention_of_the_learner()
    {
        var (before, after) = CertificateWording.SplitAtLearner(
            "This certifies that {{learner}} has earned {{certification}}; well done {{learner}}.", CertificateRulesTests.Certificate());

        Assert.Equal("This certifies that", before);
        Assert.Equal("has earned Giving Feedback; well done Zoë Ångström-Núñez.", after);
    }

    [Fact]
    public void A_body_that_does_not_name_the_learner_is_one_block()
    {
        var (before, after) = CertificateWording.SplitAtLearner("Awarded for {{certification}}.", CertificateRulesTests.Certificate());

        Assert.Null(before);
        Assert.Equal("Awarded for Giving Feedback.", after);
    }
}
