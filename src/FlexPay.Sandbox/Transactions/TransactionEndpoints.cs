using FlexPay.Sandbox.Infrastructure;
using FlexPay.Sandbox.Inspection;

namespace FlexPay.Sandbox.Transactions;

/// <summary>The Transaction API of flexpay-api.md §2.0. Business outcomes are HTTP 200 with a transaction body (§7).</summary>
internal static class TransactionEndpoints
{
    public static void MapTransactions(this IEndpointRouteBuilder v1)
    {
        // Literal segments outrank the {id} parameter of the Gateway API, so these match first.
        v1.MapPost("/gateways/charge", (HttpContext http, ChargeProcessor p) => ChargeAsync(http, p, TransactionTypes.Charge));
        v1.MapPost("/gateways/authorize", (HttpContext http, ChargeProcessor p) => ChargeAsync(http, p, TransactionTypes.Authorize));
        v1.MapPost("/transactions/{id}/capture", (HttpContext http, FollowUpProcessor p, string id) => FollowUpAsync(http, p, id, TransactionTypes.Capture));
        v1.MapPost("/transactions/{id}/void", (HttpContext http, FollowUpProcessor p, string id) => FollowUpAsync(http, p, id, TransactionTypes.Void));
        v1.MapPost("/transactions/{id}/refund", (HttpContext http, FollowUpProcessor p, string id) => FollowUpAsync(http, p, id, TransactionTypes.Refund));
        v1.MapPost("/transactions/{id}/refundedpayment", (HttpContext http, FollowUpProcessor p, string id) => FollowUpAsync(http, p, id, TransactionTypes.RefundedPayment));
        v1.MapGet("/transactions/byMerchantTransactionId/{merchantTransactionId}", TransactionQueries.GetByMerchantTransactionId);
        v1.MapGet("/transactions/{id}", TransactionQueries.Get);
        v1.MapGet("/transactions", TransactionQueries.List);
    }

    private static async Task<IResult> ChargeAsync(HttpContext http, ChargeProcessor processor, string transactionType)
    {
        var body = await SandboxJson.ReadEnvelopeAsync(http.Request, "transaction");
        var log = http.LogEntry();
        log.CaptureRequest(body);
        var answer = processor.Process(http.Company(), transactionType, ChargeRequest.Parse(body));
        log.CaptureResponse(answer);
        return SandboxJson.Ok(new TransactionEnvelope(answer));
    }

    private static async Task<IResult> FollowUpAsync(HttpContext http, FollowUpProcessor processor, string id, string transactionType)
    {
        var body = await SandboxJson.ReadEnvelopeAsync(http.Request, "transaction");
        var log = http.LogEntry();
        log.CaptureRequest(body);
        var answer = processor.Process(http.Company(), id, transactionType, FollowUpRequest.Parse(body));
        log.CaptureResponse(answer);
        return SandboxJson.Ok(new TransactionEnvelope(answer));
    }
}
