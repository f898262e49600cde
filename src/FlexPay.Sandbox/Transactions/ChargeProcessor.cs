using FlexPay.Sandbox.Chains;
using FlexPay.Sandbox.Companies;
using FlexPay.Sandbox.Gateways;
using FlexPay.Sandbox.Infrastructure;
using FlexPay.Sandbox.Vault;

namespace FlexPay.Sandbox.Transactions;

/// <summary>Charge and authorize, in the decision order of flexpay-api.md §4.9 (see README.md for the chain steps).</summary>
internal sealed class ChargeProcessor(TimeProvider time, RetryPolicy retries)
{
    public TransactionDto Process(Company company, string transactionType, ChargeRequest request)
    {
        var now = time.GetUtcNow();
        var answer = Echo(request, transactionType, now);
        var invalid = request.Invalid();
        lock (company.Gate)
        {
            if (invalid is not null)
            {
                return Record(company, Decline(answer, invalid), now);
            }
            if (company.Transactions.IsUsed(request.MerchantTransactionId))
            {
                // Not recorded: the id must keep pointing at the first transaction that used it.
                return Decline(answer, ResponseCodes.Duplicate);
            }

            var (item, cardCode) = ResolvePaymentMethod(company, request, now);
            if (item is null)
            {
                return Record(company, Decline(answer, cardCode!), now);
            }
            answer = answer with
            {
                PaymentMethod = Snapshot(item, transactionType),
                CustomerId = request.CustomerId ?? item.CustomerId,
            };
            if (cardCode is not null)
            {
                return Record(company, Decline(answer, cardCode), now, item);
            }

            var (gateway, routeCode) = GatewayRouter.Route(company, request.GatewayToken, request.CurrencyCode!);
            answer = WithGateway(answer, gateway);
            if (routeCode is not null)
            {
                return Record(company, Decline(answer, routeCode), now, item);
            }

            var (chain, chainError) = ResolveChain(company, request, now);
            if (chain is null)
            {
                return Record(company, Decline(answer, ResponseCodes.InvalidReferenceData, chainError), now, item);
            }
            answer = answer with { DateFirstAttempt = WireTime.Format(chain.DateFirstAttempt) };
            if (LimitReached(chain, request, now) is { } limitMessage)
            {
                // The chain is spent: FlexPay answers without involving the gateway.
                chain.Close();
                answer = Decline(answer, ResponseCodes.RetryLimitReached, limitMessage) with { ReferenceData = chain.Issue(approved: false) };
                return Record(company, answer, now, item, chain);
            }

            answer = AtGateway(answer, item, request, chain, now);
            if (answer.TransactionStatus == 1 && request.RetainOnSuccess && request.PaymentMethod is not null)
            {
                item.StorageState = VaultItem.Stored;
                answer = answer with { PaymentMethod = Snapshot(item, transactionType) };
            }
            return Record(company, answer, now, item, chain);
        }
    }

    /// <summary>§4.9 steps 6–9 and the retry date of §4.8.</summary>
    private TransactionDto AtGateway(TransactionDto answer, VaultItem item, ChargeRequest request, RecoveryChain chain, DateTimeOffset now)
    {
        var card = item.Card;
        // A gateway-stored card is treated as a valid test card; its CVV is not known to FlexPay.
        var pan = item.IsGatewayStored ? null : card.CreditCardNumber;
        var cvv = item.IsGatewayStored ? null : card.Cvv;
        var code = SandboxScenarios.Decline(pan, cvv, request.Amount!.Value, request.RetryCount, request.DisableCustomerRecovery) ?? ResponseCodes.Approved;
        var verification = SandboxScenarios.Verify(card.Address1, cvv);
        DateTimeOffset? retryDate = null;
        if (ResponseCodes.IsSoft(code))
        {
            if (request.DisableCustomerRecovery)
            {
                code = ResponseCodes.NoRetryMirror(code);
            }
            else
            {
                retryDate = retries.NextRetry(now, request.RetryCount, chain.DateFirstAttempt);
            }
        }
        var approved = ResponseCodes.IsApproved(code);
        var referenceData = chain.Issue(approved);
        if (retryDate is null)
        {
            // Approved, hard-declined or not retryable any more: the chain ends here.
            chain.Close();
        }
        // §4.11.1: the later sandbox dates an approved authorization too, though nothing is left to retry.
        var shownRetryDate = approved && answer.TransactionType == TransactionTypes.Authorize ? retries.Next(now) : retryDate;
        return answer with
        {
            Response = verification,
            TransactionStatus = approved ? 1 : 2,
            ResponseCode = code,
            Message = ResponseCodes.MessageOf(code),
            GatewayTransactionId = Guid.NewGuid().ToString(),
            RetryDate = retries.Format(shownRetryDate),
            ReferenceData = referenceData,
        };
    }

    private static (VaultItem? Item, string? Code) ResolvePaymentMethod(Company company, ChargeRequest request, DateTimeOffset now)
    {
        if (request.PaymentMethodId is { } id)
        {
            if (!company.Vault.TryGetValue(id, out var stored))
            {
                return (null, "50134");
            }
            if (stored.StorageState == VaultItem.Redacted)
            {
                return (stored, "50136");
            }
            var hasContact = !string.IsNullOrWhiteSpace(request.CustomerId)
                || !string.IsNullOrWhiteSpace(stored.CustomerId)
                || !string.IsNullOrWhiteSpace(stored.Card.Email);
            return (stored, hasContact ? null : "50048");
        }
        // A raw card is cached in the vault, so its paymentMethodId can be charged again later.
        var item = VaultItem.New(request.PaymentMethod!, request.CustomerId, now, VaultItem.Cached);
        company.Vault.Add(item.Id, item);
        return (item, null);
    }

    private static (RecoveryChain? Chain, string? Error) ResolveChain(Company company, ChargeRequest request, DateTimeOffset now)
    {
        if (request.ReferenceData is not { } referenceData)
        {
            // No referenceData: a new payment, whatever its retryCount.
            var fresh = new RecoveryChain(Guid.NewGuid(), request.DateFirstAttempt ?? now, request.MerchantTransactionId);
            company.Chains.Add(fresh.Id, fresh);
            return (fresh, null);
        }
        if (ReferenceData.ChainOf(referenceData) is not { } chainId)
        {
            return (null, "The referenceData is invalid: it is not a 44-byte base64 value issued by FlexPay.");
        }
        if (!company.Chains.TryGetValue(chainId, out var chain))
        {
            return (null, "The referenceData is invalid: no recovery chain of this company issued it.");
        }
        if (chain.Latest != referenceData)
        {
            return (null, "The referenceData is stale: it is not the latest value issued for its recovery chain. "
                + "Send the referenceData of the response to the previous attempt (daisy-chain).");
        }
        return (chain, null);
    }

    private static string? LimitReached(RecoveryChain chain, ChargeRequest request, DateTimeOffset now)
    {
        // A payment without referenceData is a new chain, whatever retryCount or dateFirstAttempt it claims;
        // its soft declines still lose their retry date when the next attempt would break the limit.
        if (request.ReferenceData is null)
        {
            return null;
        }
        if (chain.Closed)
        {
            return "Declined - retry limit reached: the recovery chain was ended by an approval or a hard decline.";
        }
        if (request.RetryCount > RecoveryChain.MaxRetries)
        {
            return "Declined - retry limit reached: more than 15 retries.";
        }
        return chain.IsExpired(now) ? "Declined - retry limit reached: more than 30 days since the first attempt." : null;
    }

    /// <summary>§4.11.2: the later sandbox gives no fingerprint on charges, and one on authorizations.</summary>
    private static PaymentMethodDto Snapshot(VaultItem item, string transactionType) =>
        transactionType == TransactionTypes.Charge ? item.ToDto() with { Fingerprint = null } : item.ToDto();

    private static TransactionDto Echo(ChargeRequest r, string transactionType, DateTimeOffset now) =>
        TransactionDto.Begin(transactionType, r.MerchantTransactionId, PaymentMethodDto.Unresolved(r.CustomerId ?? Guid.NewGuid().ToString(), now), now) with
        {
            CustomerId = r.CustomerId,
            CurrencyCode = r.CurrencyCode,
            Amount = r.Amount ?? 0,
            OrderId = r.OrderId,
            RetryCount = r.RetryCount,
            DateFirstAttempt = WireTime.Format(r.DateFirstAttempt ?? now),
            Description = r.Description,
            CustomerIp = r.CustomerIp,
            ShippingAddress = r.ShippingAddress,
            ReferenceData = r.ReferenceData,
            DisableCustomerRecovery = r.DisableCustomerRecovery,
            CustomVariable1 = r.CustomVariables[0],
            CustomVariable2 = r.CustomVariables[1],
            CustomVariable3 = r.CustomVariables[2],
            CustomVariable4 = r.CustomVariables[3],
            CustomVariable5 = r.CustomVariables[4],
            PaymentModel = Optional.Of(r.PaymentModel),
        };

    internal static TransactionDto WithGateway(TransactionDto answer, Gateway? gateway) => gateway is null
        ? answer
        : answer with
        {
            GatewayToken = gateway.Id,
            AssignedGatewayToken = gateway.Id,
            GatewayType = gateway.GatewayType,
            MerchantAccountReferenceId = gateway.MerchantAccountReferenceId,
        };

    internal static TransactionDto Decline(TransactionDto answer, string code, string? message = null) => answer with
    {
        TransactionStatus = 2,
        ResponseCode = code,
        Message = message ?? ResponseCodes.MessageOf(code),
        RetryDate = null,
    };

    internal static TransactionDto Record(
        Company company,
        TransactionDto answer,
        DateTimeOffset now,
        VaultItem? item = null,
        RecoveryChain? chain = null)
    {
        company.Transactions.Add(new StoredTransaction(answer, now)
        {
            ChainId = chain?.Id,
            PaymentMethod = item,
            InitialMerchantTransactionId = chain?.InitialMerchantTransactionId ?? answer.MerchantTransactionId,
        });
        return answer;
    }
}
