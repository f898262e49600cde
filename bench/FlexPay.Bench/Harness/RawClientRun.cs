using System.Diagnostics;
using FlexPay.Core.FlexPayApi;
using FlexPay.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Bench.Harness;

/// <summary>
/// The physical limit a burst is measured against: the same number of charge requests, to the same sandbox, with
/// the same concurrency, from the console's FlexPay client alone (HttpClient and JSON, no database, no scheduler). Each request has its own merchantTransactionId and the approved amount, as the seeded retries do.
/// </summary>
internal static class RawClientRun
{
    public static async Task<TimeSpan> ExecuteAsync(SandboxHost sandbox, int count, int concurrency)
    {
        // The console's client as it registers it (authentication handler, connection settings), outside any console.
        var services = new ServiceCollection().AddLogging();
        services.AddFlexPayClient(_ => sandbox.ApiBase);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<FlexPayClient>();
        var paymentMethodId = await Retries.VaultTestCardAsync(client);
        var key = new FlexPayApiKey(SandboxOptions.DevelopmentApiKey);
        using var slots = new SemaphoreSlim(concurrency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                var result = await client.ChargeAsync(key, new ChargeRequest
                {
                    MerchantTransactionId = $"raw-{Guid.NewGuid():N}",
                    OrderId = $"RAW-{i}",
                    Amount = 1000,
                    CurrencyCode = "USD",
                    RetryCount = 1,
                    CustomerId = "bench-customer",
                    PaymentModel = "subscription",
                    PaymentMethodId = paymentMethodId,
                    DateFirstAttempt = DateTimeOffset.UtcNow.AddDays(-1),
                });
                if (result.Outcome != FlexPayOutcome.Approved)
                {
                    throw new InvalidOperationException($"A raw charge was not approved: {result.Outcome} {result.ResponseCode}");
                }
            }
            finally
            {
                slots.Release();
            }
        }));
        return clock.Elapsed;
    }
}
