using FlexPay.Sandbox.Chains;
using FlexPay.Sandbox.Companies;
using FlexPay.Sandbox.Gateways;
using FlexPay.Sandbox.Infrastructure;
using FlexPay.Sandbox.Vault;

namespace FlexPay.Sandbox.Transactions;

/// <summary>Capture, void, refund and Refund-Payment of an earlier transaction (§2.2–§2.5, scenarios §4.7).</summary>
internal sealed class FollowUpProcessor(TimeProvider time, RetryPolicy retries)
{
    /// <summary>The sandbox's "reversal failed" scenario: a charge of 9000 cannot be voided (§4.7).</summary>
    private const long VoidFailsAmount = 9000;

    /// <summary>What the later sandbox answered "original not found" with, whatever was asked (§4.11.7).</summary>
    private const string UnknownOriginalCurrency = "USD";

    public TransactionDto Process(Company company, string originalId, string transactionType, FollowUpRequest request)
    {
        var now = time.GetUtcNow();
        var answer = WithoutOriginal(transactionType, request, now);
        var invalid = request.Invalid();
        lock (company.Gate)
        {
            if (invalid is not null)
            {
                return ChargeProcessor.Record(company, ChargeProcessor.Decline(answer, invalid), now);
            }
            if (company.Transactions.IsUsed(request.MerchantTransactionId))
            {
                return ChargeProcessor.Decline(answer, ResponseCodes.Duplicate);
            }
            var original = company.Transactions.Find(originalId);
            if (original is null)
            {
                return ChargeProcessor.Record(company, ChargeProcessor.Decline(answer, ResponseCodes.OriginalNotFound), now);
            }

            var o = original.Dto;
            answer = answer with
            {
                // The card as it is now (e.g. redacted since), fingerprinted as the original was.
                PaymentMethod = original.PaymentMethod is { } card
                    ? card.ToDto() with { Fingerprint = o.PaymentMethod.Fingerprint }
                    : o.PaymentMethod,
                CustomerId = o.CustomerId,
                CurrencyCode = o.CurrencyCode,
                GatewayToken = o.GatewayToken,
                AssignedGatewayToken = o.AssignedGatewayToken,
                GatewayType = o.GatewayType,
                MerchantAccountReferenceId = o.MerchantAccountReferenceId,
                OrderId = o.OrderId,
                DateFirstAttempt = o.DateFirstAttempt,
                Description = o.Description,
                // §4.11.5: a capture keeps the original's customerIp; void and refund answers carry null.
                CustomerIp = transactionType == TransactionTypes.Capture ? o.CustomerIp : null,
                ShippingAddress = o.ShippingAddress,
            };
            var chain = original.ChainId is { } chainId ? company.Chains.GetValueOrDefault(chainId) : null;

            string code;
            DateTimeOffset? retryDate = null;
            if (transactionType == TransactionTypes.RefundedPayment)
            {
                // Stops recovery of the payment; no gateway is involved and nothing is checked.
                chain?.Close();
                answer = answer with { Amount = request.Amount is > 0 ? request.Amount.Value : o.Amount };
                code = ResponseCodes.Approved;
            }
            else if (GatewayRouter.CheckFollowUp(company, o.GatewayToken, transactionType == TransactionTypes.Capture) is { } stateCode)
            {
                return Record(company, ChargeProcessor.Decline(answer, stateCode), now, original, chain);
            }
            else
            {
                (code, answer) = transactionType switch
                {
                    TransactionTypes.Capture => Capture(original, request, answer),
                    TransactionTypes.Void => Void(original, answer),
                    _ => Refund(original, request, answer),
                };
                if (ResponseCodes.IsSoft(code))
                {
                    // Capture amounts hit the amount triggers, and a soft decline there was retryable on the wire.
                    code = request.DisableCustomerRecovery ? ResponseCodes.NoRetryMirror(code) : code;
                    retryDate = request.DisableCustomerRecovery || chain is null
                        ? null
                        : retries.NextRetry(now, 0, chain.DateFirstAttempt);
                }
                answer = answer with
                {
                    Response = SandboxScenarios.Verify(original.PaymentMethod?.Card.Address1, null),
                    GatewayTransactionId = Guid.NewGuid().ToString(),
                };
            }

            var message = ResponseCodes.MessageOf(code);
            answer = answer with
            {
                TransactionStatus = ResponseCodes.IsApproved(code) ? 1 : 2,
                ResponseCode = code,
                Message = message,
                RetryDate = retries.Format(retryDate),
                // §4.11.6: the sandbox writes this decline's text into cvvMessage too.
                Response = code == ResponseCodes.InvalidAmount ? answer.Response with { CvvMessage = message } : answer.Response,
            };
            return Record(company, answer, now, original, chain);
        }
    }

    /// <summary>
    /// The answer before an original is found, as for "original transaction not found" (§4.11.7): empty gateway
    /// members and orderId, currency "USD", a generated customer and a referenceData of no chain, no card.
    /// Follow-ups never carry <c>paymentModel</c> (§4.11.5).
    /// </summary>
    private static TransactionDto WithoutOriginal(string transactionType, FollowUpRequest request, DateTimeOffset now)
    {
        var customerId = Guid.NewGuid().ToString();
        return TransactionDto.Begin(transactionType, request.MerchantTransactionId, PaymentMethodDto.Unresolved(customerId, now), now) with
        {
            CustomerId = customerId,
            CurrencyCode = UnknownOriginalCurrency,
            Amount = request.Amount ?? 0,
            GatewayType = "",
            OrderId = "",
            ReferenceData = new RecoveryChain(Guid.NewGuid(), now, null).Issue(approved: false),
            DisableCustomerRecovery = request.DisableCustomerRecovery,
        };
    }

    private static (string, TransactionDto) Capture(StoredTransaction original, FollowUpRequest request, TransactionDto answer)
    {
        var amount = request.Amount is > 0 ? request.Amount.Value : original.Dto.Amount;
        answer = answer with { Amount = amount };
        if (!original.Approved || original.Dto.TransactionType != TransactionTypes.Authorize || original.Voided)
        {
            return (original.Voided ? "30066" : "30011", answer);
        }
        if (original.Captured)
        {
            return ("30079", answer);
        }
        // No over-capture check: the sandbox approved one on the wire (§2.2).
        var code = SandboxScenarios.AmountTrigger(amount) ?? ResponseCodes.Approved;
        original.Captured = ResponseCodes.IsApproved(code);
        return (code, answer);
    }

    private static (string, TransactionDto) Void(StoredTransaction original, TransactionDto answer)
    {
        answer = answer with { Amount = original.Dto.Amount };
        if (original.Voided)
        {
            return ("30066", answer);
        }
        if (!original.Approved || original.Refunded > 0 || original.Captured)
        {
            return ("30011", answer);
        }
        if (original.Dto.Amount == VoidFailsAmount)
        {
            return ("30013", answer);
        }
        original.Voided = true;
        return (ResponseCodes.Approved, answer);
    }

    private static (string, TransactionDto) Refund(StoredTransaction original, FollowUpRequest request, TransactionDto answer)
    {
        var remaining = original.Dto.Amount - original.Refunded;
        var amount = request.Amount is > 0 ? request.Amount.Value : remaining;
        answer = answer with { Amount = amount };
        if (original.Voided)
        {
            return ("30066", answer);
        }
        if (!original.Approved || original.Dto.TransactionType is not (TransactionTypes.Charge or TransactionTypes.Capture))
        {
            return ("30011", answer);
        }
        if (amount > remaining || remaining <= 0)
        {
            return (ResponseCodes.InvalidAmount, answer);
        }
        original.Refunded += amount;
        return (ResponseCodes.Approved, answer);
    }

    /// <summary>A follow-up on a chained original carries the chain's next referenceData (sequence bumped, §2.2).</summary>
    private static TransactionDto Record(Company company, TransactionDto answer, DateTimeOffset now, StoredTransaction original, RecoveryChain? chain)
    {
        if (chain is not null)
        {
            answer = answer with { ReferenceData = chain.Issue(answer.TransactionStatus == 1) };
        }
        return ChargeProcessor.Record(company, answer, now, original.PaymentMethod, chain);
    }
}
