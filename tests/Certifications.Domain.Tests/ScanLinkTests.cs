using Certifications.Domain.Certificates;

namespace Certifications.Domain.Tests;

public sealed class ScanLinkTests
{
    private const string Id = "cer_3v9pq4cz0x5gk2m7w8a1d6e4fh";

    [Theory]
    [InlineData("https://certs.northwind.com", "HTTPS://CERTS.NORTHWIND.COM/API/V/3V9PQ4CZ0X5GK2M7W8A1D6E4FH")]
    [InlineData("https://certs.northwind.com/", "HTTPS://CERTS.NORTHWIND.COM/API/V/3V9PQ4CZ0X5GK2M7W8A1D6E4FH")]
    [InlineData("http://localhost:7071", "HTTP://LOCALHOST:7071/API/V/3V9PQ4CZ0X5GK2M7W8A1D6E4FH")]
    public void A_bare_host_gives_an_all_capital_short_link(string publicBaseUrl, string expected)
    {
        Assert.Equal(expected, ScanLink.For(publicBaseUrl, Id));
    }

    [Theory]
    [InlineData("https://northwind.com/Certs", "https://northwind.com/Certs/api/v/3v9pq4cz0x5gk2m7w8a1d6e4fh")]
    [InlineData("https://certs_test.northwind.com", "https://certs_test.northwind.com/api/v/3v9pq4cz0x5gk2m7w8a1d6e4fh")]
    public void A_path_or_a_character_a_qr_code_cannot_hold_in_capitals_keeps_the_address_as_given(string publicBaseUrl, string expected)
    {
        Assert.Equal(expected, ScanLink.For(publicBaseUrl, Id));
    }

    [Theory]
    [InlineData("3V9PQ4CZ0X5GK2M7W8A1D6E4FH")]
    [InlineData("3v9pq4cz0x5gk2m7w8a1d6e4fh")]
    [InlineData("3V9P-Q4CZ-0X5G-K2M7-W8A1-D6E4-FH")]
    [InlineData("3V9PQ4CZOX5GK2M7W8AID6E4FH")]
    [InlineData("3V9PQ4CZ0X5GK2M7W8AlD6E4FH")]
    public void A_code_in_any_case_with_hyphens_or_look_alike_letters_names_the_certificate(string code)
    {
        Assert.Equal(Id, ScanLink.CertificateIdOf(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3V9PQ4CZ0X5GK2M7W8A1D6E4F")]
    [InlineData("3V9PQ4CZ0X5GK2M7W8A1D6E4FHH")]
    [InlineData("3V9PQ4CZ0X5GK2M7W8A1D6E4FU")]
    [InlineData("cer_3v9pq4cz0x5gk2m7w8a1d6e4fh")]
    public void Anything_else_names_no_certificate(string? code)
    {
        Assert.Null(ScanLink.CertificateIdOf(code));
    }

    [Fact]
    public void The_link_of_any_new_certificate_reads_back_as_its_id()
    {
        foreach (var id in Enumerable.Range(0, 200).Select(_ => Certificate.NewId()))
        {
            var link = ScanLink.For("https://certs.northwind.com", id);
            Assert.Equal(id, ScanLink.CertificateIdOf(link[(link.LastIndexOf('/') + 1)..]));
        }
    }
}
