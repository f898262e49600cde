using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi.Emulator;

/// <summary>Reading transactions back: by id, by merchantTransactionId, and the paged list (flexpay-api.md §2.6, §2.7).</summary>
public sealed class EmulatorQueryTests : EmulatorTest
{
    [Fact]
    public async Task A_transaction_is_found_by_its_id_and_by_the_merchants_id()
    {
        var request = FlexPayTestData.Charge(2008);
        var charge = await Host.Client.ChargeAsync(EmulatorHost.Key, request);

        var byId = await Host.Client.GetTransactionAsync(EmulatorHost.Key, charge.Transaction!.TransactionId);
        var byMerchantId = await Host.Client.GetByMerchantTransactionIdAsync(EmulatorHost.Key, request.MerchantTransactionId);

        Assert.Equal(FlexPayOutcome.SoftDeclineWithRetryDate, byId.Outcome);
        Assert.Equal(charge.Transaction.TransactionId, byMerchantId.Transaction?.TransactionId);
        Assert.Equal(charge.RetryDate, byMerchantId.RetryDate);
        Assert.NotNull(byId.Transaction?.GatewaySpecificFields);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        var byId = await Host.Client.GetTransactionAsync(EmulatorHost.Key, "NOSUCHTRANSACTION00000000");
        var byMerchantId = await Host.Client.GetByMerchantTransactionIdAsync(EmulatorHost.Key, "never sent/with odd chars?");

        Assert.Equal(FlexPayOutcome.NotFound, byId.Outcome);
        Assert.Equal(FlexPayOutcome.NotFound, byMerchantId.Outcome);
        Assert.Equal(404, byMerchantId.HttpStatus);
        Assert.False(string.IsNullOrEmpty(byId.ErrorMessage));
    }

    [Fact]
    public async Task The_list_pages_through_every_transaction_in_order()
    {
        var sent = new List<string>();
        foreach (var amount in new long[] { 1000, 2008, 3016, 1001, 1002 })
        {
            sent.Add((await Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(amount))).Transaction!.TransactionId);
        }

        var listed = await Host.Client
            .ListTransactionsAsync(EmulatorHost.Key, new TransactionListQuery { StartDate = DateOnly.FromDateTime(EmulatorHost.Now.UtcDateTime), PageSize = 2 })
            .ToListAsync();

        Assert.Equal(sent, listed.Select(t => t.TransactionId));
        Assert.Equal("20003", listed[1].ResponseCode);
        Assert.NotNull(listed[0].Gateway?.Token);
    }

    [Fact]
    public async Task The_simplified_list_names_each_chains_first_attempt()
    {
        var request = FlexPayTestData.Charge(2012);
        await Host.Client.ChargeAsync(EmulatorHost.Key, request);

        var item = Assert.Single(await Host.Client
            .ListTransactionsAsync(EmulatorHost.Key, new TransactionListQuery { Simplified = true, Descending = true, PageSize = 100 })
            .ToListAsync());

        Assert.Equal(request.MerchantTransactionId, item.InitialMerchantTransactionId);
        Assert.Equal(2012L, item.Amount);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), item.RetryDate);
    }
}
