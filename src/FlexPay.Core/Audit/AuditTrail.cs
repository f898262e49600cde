using FlexPay.Core.Accounts;
using FlexPay.Core.Certification;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Audit;

/// <summary>
/// Writes audit entries in their own unit of work, so an entry is kept even when the action it records failed. In a
/// certification run's scope the actor is the person who started the run, named with the run, never <c>system</c>.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<FlexPayDbContext> dbFactory, ICurrentActor actor, CertificationScope certification, TimeProvider clock)
{
    public async Task RecordAsync(string action, string target, AuditOutcome outcome, string? detail = null, CancellationToken ct = default) =>
        await RecordAsAsync(await ActorNameAsync(), action, target, outcome, detail, ct);

    /// <summary>Who acts in this scope, for an entry written later and elsewhere (a refund sent after its request ended).</summary>
    public ValueTask<string> ActorNameAsync() => certification.ActorName is { } run ? ValueTask.FromResult(run) : actor.GetNameAsync();

    /// <summary>Records an entry for a named actor rather than the scope's (e.g. the email a sign-in was tried with).</summary>
    public async Task RecordAsAsync(string actorName, string action, string target, AuditOutcome outcome, string? detail = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), actorName, action, target, outcome, detail));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Runs <paramref name="act"/> and records it: Succeeded, Refused (a rule said no) or Failed; the exception still propagates.</summary>
    public async Task<T> RecordAsync<T>(string action, string target, Func<Task<T>> act, Func<T, (AuditOutcome Outcome, string? Detail)> describe, CancellationToken ct = default)
    {
        T result;
        try
        {
            result = await act();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await RecordAsync(action, target, IsRuleRefusal(ex) ? AuditOutcome.Refused : AuditOutcome.Failed, ex.Message, ct);
            throw;
        }
        var (outcome, detail) = describe(result);
        await RecordAsync(action, target, outcome, detail, ct);
        return result;
    }

    /// <summary>A domain rule said no (or the thing does not exist); anything else is a failure.</summary>
    private static bool IsRuleRefusal(Exception ex) => ex is
        RecoveryRuleException or RecoveryNotFoundException or GatewayRuleException or GatewayNotFoundException or AccountRuleException;
}
