using System.Net;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi;

/// <summary>
/// No answer: a write may have been applied (OutcomeUnknown), a read changed nothing (Unreachable).
/// The client reports once and never retries; only the caller's own cancellation throws.
/// </summary>
public sealed class TransportFailureTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task A_charge_that_times_out_has_an_unknown_outcome()
    {
        using var harness = new ClientHarness(StubTransport.Hanging(), ShortTimeout);

        var result = await harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge());

        Assert.Equal(FlexPayOutcome.OutcomeUnknown, result.Outcome);
        Assert.True(result.MayHaveMovedMoney);
        Assert.Null(result.HttpStatus);
        Assert.Contains("did not answer", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Single(harness.Transport.Requests);
    }

    [Fact]
    public async Task A_read_that_times_out_is_unreachable()
    {
        using var harness = new ClientHarness(StubTransport.Hanging(), ShortTimeout);

        var result = await harness.Client.GetByMerchantTransactionIdAsync(ClientHarness.Key, "mt-1");

        Assert.Equal(FlexPayOutcome.Unreachable, result.Outcome);
        Assert.False(result.MayHaveMovedMoney);
    }

    [Fact]
    public async Task A_dropped_connection_during_a_refund_has_an_unknown_outcome()
    {
        using var harness = new ClientHarness(StubTransport.Throwing(new HttpRequestException("Connection reset", new IOException("reset"))));

        var result = await harness.Client.RefundAsync(ClientHarness.Key, "T1", FlexPayTestData.FollowUp(500));

        Assert.Equal(FlexPayOutcome.OutcomeUnknown, result.Outcome);
        Assert.Single(harness.Transport.Requests);
    }

    [Fact]
    public async Task A_bare_io_failure_on_a_read_is_unreachable()
    {
        using var harness = new ClientHarness(StubTransport.Throwing(new IOException("The response ended prematurely.")));

        var result = await harness.Client.GetTransactionAsync(ClientHarness.Key, "T1");

        Assert.Equal(FlexPayOutcome.Unreachable, result.Outcome);
    }

    [Fact]
    public async Task Gateway_writes_and_reads_without_an_answer_report_unknown_and_unreachable()
    {
        using var harness = new ClientHarness(StubTransport.Throwing(new HttpRequestException("Connection refused")));

        var update = await harness.Client.UpdateGatewayAsync(ClientHarness.Key, "GW1", new GatewayUpdate { Status = FlexPayGatewayStatuses.RefundOnly });
        var delete = await harness.Client.DeleteGatewayAsync(ClientHarness.Key, "GW1");
        var list = await harness.Client.ListGatewaysAsync(ClientHarness.Key);
        var health = await harness.Client.CheckConnectionAsync();

        Assert.Equal(FlexPayOutcome.OutcomeUnknown, update.Outcome);
        Assert.Equal(FlexPayOutcome.OutcomeUnknown, delete.Outcome);
        Assert.Equal(FlexPayOutcome.Unreachable, list.Outcome);
        Assert.Equal(FlexPayOutcome.Unreachable, health.Outcome);
    }

    [Fact]
    public async Task The_callers_cancellation_is_rethrown_not_reported()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var harness = new ClientHarness(StubTransport.Hanging(reached));
        using var cts = new CancellationTokenSource();

        var charge = harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge(), cts.Token);
        await reached.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => charge);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(WireSamples.Approved2019));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.Client.GetTransactionAsync(ClientHarness.Key, "T1", new CancellationToken(canceled: true)));
        Assert.Empty(harness.Transport.Requests);
    }

    [Fact]
    public async Task A_failed_answer_is_never_retried()
    {
        using var harness = new ClientHarness(StubTransport.Answering(HttpStatusCode.ServiceUnavailable, ""));

        var result = await harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge());

        Assert.Equal(FlexPayOutcome.ServerError, result.Outcome);
        Assert.Null(result.ErrorMessage);
        Assert.Single(harness.Transport.Requests);
    }
}
