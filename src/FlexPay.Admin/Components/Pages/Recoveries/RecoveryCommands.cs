using FlexPay.Admin.Identity;
using FlexPay.Core.Money;
using FlexPay.Core.Recovery;

namespace FlexPay.Admin.Components.Pages.Recoveries;

/// <summary>The outcome of a cancel or resume, in words for the person who asked.</summary>
public sealed record CommandResult(bool Succeeded, string Message);

public enum RefundResultKind
{
    Approved,
    Declined,

    /// <summary>FlexPay did not answer; the console reads the outcome back before anything is resent.</summary>
    OutcomeUnknown,

    /// <summary>Not sent: the role, the recovery rules or the amount did not allow it.</summary>
    Refused,
}

public sealed record RefundResult(RefundResultKind Kind, string Message);

/// <summary>
/// The money-moving seam of the refund dialog: sends one refund and says how it ended. The dialog's
/// <c>idempotencyKey</c> (one per opening) makes a send repeated by a reconnecting circuit refund nothing twice.
/// </summary>
public interface IRefundRequests
{
    Task<RefundResult> RefundAsync(Guid chainId, long amount, string reason, string idempotencyKey, CancellationToken ct = default);
}

/// <summary>
/// Cancel and resume from the screens. Each call checks <see cref="Policies.CanDecideRetries"/> itself and turns
/// the domain's refusals into messages (never raw exceptions).
/// </summary>
public sealed class RecoveryCommands(ConsoleActor actor, ChainActions actions, ILogger<RecoveryCommands> logger)
{
    public async Task<CommandResult> CancelAsync(Guid chainId, string reason, CancellationToken ct = default)
    {
        var user = await actor.AllowedAsync(Policies.CanDecideRetries, "cancel a recovery");
        if (user is null)
        {
            return new CommandResult(false, "Your role cannot cancel recoveries.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new CommandResult(false, "Say why the recovery is cancelled.");
        }
        return await RunAsync(async () =>
        {
            await actions.CancelAsync(chainId, user.Name, reason.Trim(), ct);
            RecoveryScreensLog.ChainChanged(logger, user.Name, "cancelled", chainId);
            return new CommandResult(true, "The recovery is cancelled; no further retry will be sent.");
        });
    }

    public async Task<CommandResult> ResumeAsync(Guid chainId, CancellationToken ct = default)
    {
        var user = await actor.AllowedAsync(Policies.CanDecideRetries, "resume a recovery");
        if (user is null)
        {
            return new CommandResult(false, "Your role cannot resume recoveries.");
        }
        return await RunAsync(async () =>
        {
            await actions.ResumeAsync(chainId, ct);
            RecoveryScreensLog.ChainChanged(logger, user.Name, "resumed", chainId);
            return new CommandResult(true, "The recovery is resumed; the attempt is sent again now.");
        });
    }

    public async Task<CommandResult> MoveToGatewayAsync(Guid chainId, Guid gatewayId, string gatewayName, CancellationToken ct = default)
    {
        var user = await actor.AllowedAsync(Policies.CanDecideRetries, "move a recovery to another gateway");
        if (user is null)
        {
            return new CommandResult(false, "Your role cannot move recoveries to another gateway.");
        }
        return await RunAsync(async () =>
        {
            var chain = await actions.MoveToGatewayAsync(chainId, gatewayId.ToString(), ct);
            RecoveryScreensLog.ChainChanged(logger, user.Name, "moved to gateway " + gatewayName, chainId);
            return new CommandResult(true, chain.NextAttemptDueAt is { } due && due > DateTimeOffset.UtcNow
                ? $"The next retry goes through {gatewayName} at its due time."
                : $"The retry goes through {gatewayName} now.");
        });
    }

    /// <summary>
    /// Moves several recoveries (those a gateway about to be disabled would hold) to <paramref name="gatewayId"/>, each
    /// as <see cref="MoveToGatewayAsync"/> moves one; one that cannot move (it was sent meanwhile, or takes another
    /// currency) is left where it is and named in the message.
    /// </summary>
    public async Task<CommandResult> MoveAllToGatewayAsync(IReadOnlyList<Guid> chainIds, Guid gatewayId, string gatewayName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(chainIds);
        var user = await actor.AllowedAsync(Policies.CanDecideRetries, "move recoveries to another gateway");
        if (user is null)
        {
            return new CommandResult(false, "Your role cannot move recoveries to another gateway.");
        }
        var refusals = new List<string>();
        foreach (var chainId in chainIds)
        {
            var moved = await RunAsync(async () =>
            {
                await actions.MoveToGatewayAsync(chainId, gatewayId.ToString(), ct);
                RecoveryScreensLog.ChainChanged(logger, user.Name, "moved to gateway " + gatewayName, chainId);
                return new CommandResult(true, "");
            });
            if (!moved.Succeeded)
            {
                refusals.Add(moved.Message);
            }
        }
        var count = chainIds.Count - refusals.Count;
        var done = $"{count} {(count == 1 ? "recovery goes" : "recoveries go")} on through {gatewayName}.";
        return refusals.Count == 0
            ? new CommandResult(true, done)
            : new CommandResult(false, $"{done} {refusals.Count} could not move: {refusals[0]}");
    }

    /// <summary>The refundable amount left, as the domain computes it.</summary>
    public static MoneyAmount Refundable(RecoveryChain chain) => new(chain.RefundableAmount, chain.CurrencyCode);

    private static async Task<CommandResult> RunAsync(Func<Task<CommandResult>> action)
    {
        try
        {
            return await action();
        }
        catch (RecoveryRuleException ex)
        {
            return new CommandResult(false, ex.Message);
        }
        catch (RecoveryNotFoundException)
        {
            return new CommandResult(false, "This recovery no longer exists.");
        }
    }
}

/// <summary>Refunds through FlexPay from the screens, after checking <see cref="Policies.CanRefund"/> for the signed-in user.</summary>
public sealed class RefundRequests(ConsoleActor actor, RefundProcessor refunds, ILogger<RefundRequests> logger) : IRefundRequests
{
    public async Task<RefundResult> RefundAsync(Guid chainId, long amount, string reason, string idempotencyKey, CancellationToken ct = default)
    {
        var user = await actor.AllowedAsync(Policies.CanRefund, "refund a charge");
        if (user is null)
        {
            return new RefundResult(RefundResultKind.Refused, "Your role cannot refund charges.");
        }
        try
        {
            var refund = await refunds.RefundAsync(chainId, amount, reason, user.Name, idempotencyKey, ct);
            RecoveryScreensLog.Refunded(logger, user.Name, amount, chainId, refund.Status);
            return refund.Status switch
            {
                RefundStatus.Approved => new RefundResult(RefundResultKind.Approved, "FlexPay approved the refund."),
                RefundStatus.Declined => new RefundResult(
                    RefundResultKind.Declined,
                    $"FlexPay declined the refund{(refund.ResponseCode is null ? "" : $" ({refund.ResponseCode})")}: {refund.ResponseMessage ?? "no message"}"),
                _ => new RefundResult(
                    RefundResultKind.OutcomeUnknown,
                    "FlexPay did not answer in time. The console is checking whether the refund went through; nothing is sent twice."),
            };
        }
        catch (Exception ex) when (ex is RecoveryRuleException or IdempotencyConflictException)
        {
            return new RefundResult(RefundResultKind.Refused, ex.Message);
        }
        catch (RecoveryNotFoundException)
        {
            return new RefundResult(RefundResultKind.Refused, "This recovery no longer exists.");
        }
    }
}
