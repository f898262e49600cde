using System.Globalization;
using System.Text.Json.Nodes;
using FlexPay.Core.Recovery;

namespace FlexPay.Core.Tests.Recovery.Engine;

/// <summary>
/// The sandbox's processed charges held against the engine's chains: every attempt the engine sent reached FlexPay
/// exactly once (no merchantTransactionId twice, no order and retryCount twice, none missing, none unknown to the
/// engine) and never before it was due.
/// </summary>
internal static class ChargeAudit
{
    public static void AssertExactlyOnceAndNeverEarly(IReadOnlyList<JsonObject> processedCharges, IReadOnlyList<RecoveryChain> chains)
    {
        var attempts = chains.SelectMany(c => c.Attempts).ToDictionary(a => a.MerchantTransactionId);
        Assert.All(processedCharges.GroupBy(c => (string?)c["merchantTransactionId"]), id => Assert.Single(id));
        Assert.All(processedCharges.GroupBy(c => ((string?)c["orderId"], (long?)c["retryCount"])), retry => Assert.Single(retry));
        Assert.All(processedCharges, charge =>
        {
            Assert.True(attempts.TryGetValue((string)charge["merchantTransactionId"]!, out var attempt), $"FlexPay charged {charge["merchantTransactionId"]}, which no chain sent.");
            Assert.True(Instant(charge["receivedAt"]) >= attempt!.DueAt, $"{attempt.MerchantTransactionId} reached FlexPay before it was due.");
        });
        var received = processedCharges.Select(c => (string?)c["merchantTransactionId"]).ToHashSet();
        Assert.All(attempts.Values.Where(a => a.SendCount > 0), a => Assert.Contains(a.MerchantTransactionId, received));
    }

    public static DateTimeOffset Instant(JsonNode? node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);
}
