using System.Security.Cryptography;
using System.Text;
using FlexPay.Core.Webhooks;

namespace FlexPay.Core.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Body = """{"id":"1"}""";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void The_header_carries_the_unix_time_and_the_hmac_of_time_dot_body()
    {
        // Computed outside .NET: printf '%s' '1700000000.{"id":"1"}' | openssl dgst -sha256 -hmac whsec_test
        Assert.Equal(
            "t=1700000000,v1=11bf4466ea17c3df3fd743af0b435368e16b7a05eb8eced85e8c4670767bdec5",
            WebhookSignature.Header(Body, ["whsec_test"], At));
    }

    [Fact]
    public void During_a_roll_each_valid_secret_signs_once_newest_first()
    {
        using var old = new HMACSHA256(Encoding.UTF8.GetBytes("whsec_old"));
        var expectedOld = Convert.ToHexStringLower(old.ComputeHash(Encoding.UTF8.GetBytes("1700000000." + Body)));

        var header = WebhookSignature.Header(Body, ["whsec_test", "whsec_old"], At);

        Assert.Equal($"t=1700000000,v1=11bf4466ea17c3df3fd743af0b435368e16b7a05eb8eced85e8c4670767bdec5,v1={expectedOld}", header);
    }
}
