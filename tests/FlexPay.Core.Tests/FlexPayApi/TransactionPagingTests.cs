using System.Net;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi;

/// <summary>The documented procedure (flexpay-api.md §2.7): start at a date, then follow the last id until an empty page.</summary>
public sealed class TransactionPagingTests
{
    [Fact]
    public async Task Pages_are_followed_by_the_last_transaction_id_until_an_empty_page()
    {
        var pages = new Queue<string>([Page("A", "B"), Page("C"), Page()]);
        using var harness = new ClientHarness(new StubTransport((_, _) => Task.FromResult(StubTransport.Response(HttpStatusCode.OK, pages.Dequeue()))));
        var query = new TransactionListQuery { StartDate = new DateOnly(2023, 11, 8), PageSize = 2, Simplified = true, Descending = true };

        var ids = await harness.Client.ListTransactionsAsync(ClientHarness.Key, query).Select(t => t.TransactionId).ToListAsync();

        Assert.Equal(["A", "B", "C"], ids);
        Assert.Equal(
            [
                "/v1/transactions?startDate=2023-11-08&order=desc&count=2&responseType=simplified",
                "/v1/transactions?sinceTransactionId=B&order=desc&count=2&responseType=simplified",
                "/v1/transactions?sinceTransactionId=C&order=desc&count=2&responseType=simplified",
            ],
            harness.Transport.Requests.Select(r => r.Uri.PathAndQuery));
        Assert.All(harness.Transport.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
    }

    [Fact]
    public async Task Listing_can_resume_after_a_known_transaction()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(Page()));

        await harness.Client.ListTransactionsAsync(ClientHarness.Key, new TransactionListQuery { SinceTransactionId = "X/1" }).ToListAsync();

        Assert.Equal("/v1/transactions?sinceTransactionId=X%2F1", harness.Transport.Single.Uri.PathAndQuery);
    }

    [Fact]
    public async Task A_failed_page_throws_after_the_items_already_read()
    {
        var answers = new Queue<HttpResponseMessage>(
        [
            StubTransport.Response(HttpStatusCode.OK, Page("A")),
            StubTransport.Response(HttpStatusCode.Unauthorized, """{"message":"Invalid key."}"""),
        ]);
        using var harness = new ClientHarness(new StubTransport((_, _) => Task.FromResult(answers.Dequeue())));
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<FlexPayException>(async () =>
        {
            await foreach (var item in harness.Client.ListTransactionsAsync(ClientHarness.Key, new TransactionListQuery()))
            {
                seen.Add(item.TransactionId);
            }
        });

        Assert.Equal(["A"], seen);
        Assert.Equal(FlexPayOutcome.AuthenticationFailed, error.Outcome);
        Assert.Equal(401, error.HttpStatus);
    }

    [Fact]
    public async Task A_list_that_does_not_advance_throws_instead_of_looping()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(Page("A")));

        var error = await Assert.ThrowsAsync<FlexPayException>(
            async () => await harness.Client.ListTransactionsAsync(ClientHarness.Key, new TransactionListQuery()).ToListAsync());

        Assert.Equal(FlexPayOutcome.ServerError, error.Outcome);
        Assert.Equal(2, harness.Transport.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_list_throws()
    {
        using var harness = new ClientHarness(StubTransport.Throwing(new HttpRequestException("refused")));

        var error = await Assert.ThrowsAsync<FlexPayException>(
            async () => await harness.Client.ListTransactionsAsync(ClientHarness.Key, new TransactionListQuery()).ToListAsync());

        Assert.Equal(FlexPayOutcome.Unreachable, error.Outcome);
    }

    private static string Page(params string[] ids) =>
        "{\"transactions\":[" + string.Join(',', ids.Select(id => $$"""{"transactionId":"{{id}}","transactionStatus":1}""")) + "]}";
}
