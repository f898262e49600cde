using System.Threading.Channels;
using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Recovery.Dispatch;

/// <summary>
/// Sends due attempts in batches with the per-attempt protocol intact: every attempt of a batch is committed
/// Sending in one transaction before any of its requests goes out, the requests go out under the shared
/// <see cref="SendSlots"/>, and the answers are recorded as they arrive, as many per transaction as have
/// arrived. A crash anywhere leaves attempts Sending (checked with FlexPay at start-up) or answered, never sent
/// twice. A chain that changed under the batch (staff cancelled it) is left out, not overwritten.
/// </summary>
public sealed class AttemptBatch(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    FlexPayClient flexPay,
    IFlexPayAccounts accounts,
    IRecoveryScheduler scheduler,
    DatabaseWriteGate writeGate,
    SendSlots slots,
    TimeProvider clock,
    IOptions<RecoveryOptions> options,
    ILogger<AttemptBatch> logger)
{
    /// <summary>
    /// Claims the attempts due by <paramref name="until"/>, earliest first, at most <paramref name="max"/>, none of
    /// <paramref name="excluded"/>; the returned batch sends them.
    /// </summary>
    public async Task<Claimed> ClaimDueAsync(DateTimeOffset until, int max, IReadOnlyCollection<Guid> excluded, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            // On PostgreSQL the rows selected stay locked until the claims are committed (DueSends).
            await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;
            var attemptIds = await DueSends.SelectAsync(db, until, max, excluded, ct);
            // Keys first, then the chains by key: a filter through their attempts made SQLite scan every chain per batch.
            var chainIds = await db.Attempts.Where(a => EF.Parameter(attemptIds).Contains(a.Id)).Select(a => a.ChainId).Distinct().ToListAsync(ct);
            var chains = await db.Chains.WithHistory().Where(c => EF.Parameter(chainIds).Contains(c.Id)).ToListAsync(ct);
            var wanted = attemptIds.ToHashSet();
            var causes = await WaitCauses.ReadAsync(db, accounts, ct);

            var now = clock.GetUtcNow();
            var changed = new List<IOfChain>(attemptIds.Count);
            var refused = new List<Guid>();
            foreach (var chain in chains)
            {
                var attempt = chain.Attempts.First(a => wanted.Contains(a.Id));
                try
                {
                    changed.Add(ClaimOrHold(chain, attempt, causes, now));
                }
                catch (RecoveryRuleException ex)
                {
                    logger.ClaimRefused(attempt.MerchantTransactionId, ex.Message);
                    refused.Add(attempt.Id);
                    Forget(db, chain);
                }
            }
            var kept = await SaveKeepingAsync(db, changed, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
            foreach (var held in kept.OfType<Held>())
            {
                logger.AttemptWaits(held.Attempt.MerchantTransactionId, held.Chain.StateReason ?? "");
                Forget(db, held.Chain);
            }
            return new Claimed(this, db, [.. kept.OfType<Send>()], refused, attemptIds.Count);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Saves the batch's tracked changes; a chain another writer changed first is dropped from the batch (its
    /// rows detached) and the rest saved again. Returns what was saved.
    /// </summary>
    private Task<List<T>> SaveKeepingAsync<T>(FlexPayDbContext db, List<T> items, CancellationToken ct)
        where T : IOfChain =>
        writeGate.WriteAsync(() => SaveKeepingHoldingGateAsync(db, items, ct), ct);

    private async Task<List<T>> SaveKeepingHoldingGateAsync<T>(FlexPayDbContext db, List<T> items, CancellationToken ct)
        where T : IOfChain
    {
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return items;
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                var lost = conflict.Entries.Select(e => e.Entity switch
                {
                    RecoveryChain c => c.Id,
                    RecoveryAttempt a => a.ChainId,
                    Refund r => r.ChainId,
                    // Npgsql names the chain's owned instrument too (it shares the chain's row); its key is the chain's.
                    PaymentInstrument => (Guid)e.Property(e.Metadata.FindOwnership()!.Properties[0].Name).CurrentValue!,
                    _ => throw new InvalidOperationException($"Unexpected conflict on {e.Entity.GetType().Name}.", conflict),
                }).ToHashSet();
                foreach (var item in items.Where(i => lost.Contains(i.Chain.Id)))
                {
                    logger.LostClaim();
                    Forget(db, item.Chain);
                }
                items = [.. items.Where(i => !lost.Contains(i.Chain.Id))];
            }
        }
    }

    /// <summary>Claims the attempt for sending, or holds it when something outside the customer must come back first.</summary>
    private IOfChain ClaimOrHold(RecoveryChain chain, RecoveryAttempt attempt, WaitCauses causes, DateTimeOffset now)
    {
        var reason = causes.Why(chain, attempt);
        if (reason is not null || !accounts.TryGetApiKey(chain.Company, out var apiKey))
        {
            chain.Wait(attempt.Id, reason ?? WaitReasons.AccountKey(chain.Company), now);
            return new Held(chain, attempt);
        }
        chain.ClaimAttempt(attempt.Id, now);
        return new Send(chain, attempt, apiKey, ChargeRequests.For(chain, attempt));
    }

    private static void Forget(FlexPayDbContext db, RecoveryChain chain)
    {
        foreach (var entity in chain.Attempts.Cast<object>().Concat(chain.Refunds).Append(chain))
        {
            db.Entry(entity).State = EntityState.Detached;
        }
    }

    internal interface IOfChain
    {
        RecoveryChain Chain { get; }
    }

    internal sealed record Send(RecoveryChain Chain, RecoveryAttempt Attempt, FlexPayApiKey ApiKey, ChargeRequest Request) : IOfChain;

    internal sealed record Held(RecoveryChain Chain, RecoveryAttempt Attempt) : IOfChain;

    internal sealed record Answer(RecoveryChain Chain, RecoveryAttempt Attempt, TransactionResult Result, DateTimeOffset At) : IOfChain;

    /// <summary>A committed claim: its requests and the recording of their answers.</summary>
    public sealed class Claimed : IAsyncDisposable
    {
        private readonly AttemptBatch owner;
        private readonly FlexPayDbContext db;
        private readonly List<Send> sends;

        internal Claimed(AttemptBatch owner, FlexPayDbContext db, List<Send> sends, IReadOnlyList<Guid> refused, int taken)
        {
            this.owner = owner;
            this.db = db;
            this.sends = sends;
            Refused = refused;
            Taken = taken;
        }

        /// <summary>Attempts claimed for sending.</summary>
        public int Count => sends.Count;

        /// <summary>Due attempts the claim looked at: sent, held or refused (or lost to a concurrent change).</summary>
        public int Taken { get; }

        /// <summary>Due attempts whose chain refused the claim (not scheduled any more): left alone.</summary>
        public IReadOnlyList<Guid> Refused { get; }

        /// <summary>Sends every claimed attempt and records each answer; the batch's database context is used by the recorder alone.</summary>
        public async Task SendAsync(CancellationToken ct)
        {
            var answers = Channel.CreateUnbounded<Answer>(new UnboundedChannelOptions { SingleReader = true });
            var requests = sends.Select(async send =>
            {
                var result = await owner.ChargeAsync(send, ct);
                answers.Writer.TryWrite(new Answer(send.Chain, send.Attempt, result, owner.Now));
            }).ToList();
            var recording = RecordAsync(answers.Reader, sends.Count, ct);
            try
            {
                await Task.WhenAll(requests);
            }
            finally
            {
                answers.Writer.TryComplete();
            }
            await recording;
        }

        /// <summary>
        /// Records answers as they arrive. The recorder takes the write gate before it drains the channel, so
        /// whatever arrived while it waited for the gate is committed together: one fsync for many answers.
        /// </summary>
        private async Task RecordAsync(ChannelReader<Answer> reader, int expected, CancellationToken ct)
        {
            var recorded = 0;
            while (recorded < expected && await reader.WaitToReadAsync(ct))
            {
                var (arrived, saved) = await owner.RecordArrivedAsync(db, reader, ct);
                foreach (var (answer, applied) in saved)
                {
                    owner.Announce(answer, applied);
                }
                recorded += arrived;
            }
        }

        public ValueTask DisposeAsync() => db.DisposeAsync();
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Under the write gate: drains what has arrived, applies it and saves it in one transaction.</summary>
    private Task<(int Arrived, List<(Answer Answer, AppliedAnswer Applied)> Saved)> RecordArrivedAsync(
        FlexPayDbContext db, ChannelReader<Answer> reader, CancellationToken ct) =>
        writeGate.WriteAsync(async () =>
        {
            var arrived = new List<Answer>();
            while (reader.TryRead(out var answer))
            {
                arrived.Add(answer);
            }
            var applied = arrived.ToDictionary(a => a, Apply);
            var saved = await SaveKeepingHoldingGateAsync(db, arrived, ct);
            // An answered chain is done with: untracked, the batch's next saves only look at chains still in flight.
            saved.ForEach(a => Forget(db, a.Chain));
            return (arrived.Count, saved.Select(a => (a, applied[a])).ToList());
        }, ct);

    private Task<TransactionResult> ChargeAsync(Send send, CancellationToken ct) =>
        slots.RunAsync(() => flexPay.ChargeAsync(send.ApiKey, send.Request, ct), ct);

    private AppliedAnswer Apply(Answer answer) =>
        SendAnswers.Apply(answer.Chain, answer.Attempt, answer.Result, answer.At, options.Value.MaxReconcileInterval);

    private void Announce(Answer answer, AppliedAnswer applied)
    {
        if (applied.CheckAt is { } checkAt)
        {
            logger.OutcomeUnknown(answer.Attempt.MerchantTransactionId, answer.Result.Outcome, checkAt);
        }
        else
        {
            logger.Answered(answer.Attempt.MerchantTransactionId, answer.Attempt.RetryCount, answer.Result.ResponseCode, answer.Chain.Id, answer.Chain.State);
        }
        if (applied.ArmAt is { } armAt)
        {
            scheduler.ArmAttempts(armAt);
        }
    }
}
