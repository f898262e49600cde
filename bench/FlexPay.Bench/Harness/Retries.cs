using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Bench.Harness;

/// <summary>
/// Retries whose due instants the benchmark chooses. Each is a chain opened through the domain
/// (<see cref="RecoveryChain.Open"/>) for a payment the merchant's gateway declined a day ago, paying
/// with a card vaulted at the sandbox: its first FlexPay attempt is retry 1, due at the chosen instant.
/// It is then handed to the console's own <see cref="IRecoveryScheduler"/>, exactly as the intake and
/// the answer to a previous attempt do; the path from there (Hangfire, AttemptProcessor, the FlexPay
/// client, the database) is the production one. Amount 1000 is approved, so each chain sends once.
/// </summary>
internal static class Retries
{
    private const int SeedBatch = 1000;

    public static Task<string> VaultTestCardAsync(IServiceProvider services) => VaultTestCardAsync(services.GetRequiredService<FlexPayClient>());

    public static async Task<string> VaultTestCardAsync(FlexPayClient client)
    {
        var vaulted = await client.CreatePaymentMethodAsync(new FlexPayApiKey(SandboxOptions.DevelopmentApiKey), new CreatePaymentMethodRequest
        {
            CustomerId = "bench-customer",
            Card = new CardDetails
            {
                Number = "4920201996449560", ExpiryMonth = "07", ExpiryYear = "2024", Cvv = "879", FirstName = "Jane", LastName = "Doe",
                Address1 = "123 A St", PostalCode = "84062", City = "Townsville", State = "UT", Country = "US", Email = "jane@example.com",
            },
        });
        return vaulted.Transaction?.PaymentMethod?.PaymentMethodId
            ?? throw new InvalidOperationException($"The sandbox did not vault the test card: {vaulted.Outcome} {vaulted.ErrorMessage}");
    }

    public static async Task<IReadOnlyList<SeededRetry>> SeedAsync(IServiceProvider services, string paymentMethodId, IReadOnlyList<DateTimeOffset> dueTimes)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>();
        var company = services.GetRequiredService<IFlexPayAccounts>().DefaultCompany;
        var now = DateTimeOffset.UtcNow;
        var seeded = new List<SeededRetry>(dueTimes.Count);
        foreach (var batch in dueTimes.Chunk(SeedBatch))
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            foreach (var due in batch)
            {
                var tag = Guid.NewGuid().ToString("N");
                var chain = RecoveryChain.Open(new NewChain
                {
                    ExternalId = "bench-" + tag,
                    Company = company,
                    OrderId = "INV-" + tag[..12],
                    CustomerId = "bench-customer",
                    Email = "jane@example.com",
                    Amount = 1000,
                    CurrencyCode = "USD",
                    Instrument = new PaymentInstrument
                    {
                        PaymentMethodId = paymentMethodId, CardBrand = "Visa", FirstSixDigits = "492020", LastFourDigits = "9560",
                        ExpiryMonth = "07", ExpiryYear = "2024",
                    },
                    InitialDecline = new InitialDecline(now.AddDays(-1), "05", "Do not honor"),
                }, due, now);
                db.Chains.Add(chain);
                seeded.Add(new SeededRetry(chain.Attempts[0].Id, chain.Attempts[0].MerchantTransactionId, due));
            }
            await db.SaveChangesAsync();
        }
        return seeded;
    }

    /// <summary>Brings seeded retries <paramref name="earlier"/> forward, all in one transaction, and returns them as they are now due.</summary>
    public static async Task<IReadOnlyList<SeededRetry>> MoveDueAsync(IServiceProvider services, IReadOnlyList<SeededRetry> retries, TimeSpan earlier)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        // Instants are stored as UTC ticks (UtcTicksConverter).
        var ticks = earlier.Ticks;
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Quoted names: PostgreSQL folds unquoted ones to lower case; SQLite reads both alike.
        await db.Database.ExecuteSqlAsync($"""UPDATE "Attempts" SET "DueAt" = "DueAt" - {ticks} WHERE "Status" = 'Scheduled'""");
        await db.Database.ExecuteSqlAsync($"""UPDATE "Chains" SET "NextAttemptDueAt" = "NextAttemptDueAt" - {ticks} WHERE "NextAttemptDueAt" IS NOT NULL""");
        await transaction.CommitAsync();
        return [.. retries.Select(r => r with { DueAt = r.DueAt - earlier })];
    }

    public static void Schedule(IServiceProvider services, IEnumerable<SeededRetry> retries)
    {
        var scheduler = services.GetRequiredService<IRecoveryScheduler>();
        foreach (var dueAt in retries.Select(r => r.DueAt).Distinct())
        {
            scheduler.ArmAttempts(dueAt);
        }
    }

    /// <summary>Polls the database until no attempt is open; false when the timeout passed first.</summary>
    public static async Task<bool> WaitUntilAllAnsweredAsync(IServiceProvider services, TimeSpan timeout)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                var open = await db.Attempts.CountAsync(a =>
                    a.Status == AttemptStatus.Scheduled || a.Status == AttemptStatus.Sending || a.Status == AttemptStatus.OutcomeUnknown);
                if (open == 0)
                {
                    return true;
                }
            }
            await Task.Delay(250);
        }
        return false;
    }

    public static async Task<IReadOnlyList<AttemptRecord>> ReadAttemptsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        return await db.Attempts.AsNoTracking()
            .Select(a => new AttemptRecord(a.MerchantTransactionId, a.DueAt, a.SentAt, a.AnsweredAt, a.Status, a.SendCount))
            .ToListAsync();
    }
}

internal sealed record SeededRetry(Guid AttemptId, string MerchantTransactionId, DateTimeOffset DueAt);

internal sealed record AttemptRecord(
    string MerchantTransactionId, DateTimeOffset DueAt, DateTimeOffset? SentAt, DateTimeOffset? AnsweredAt, AttemptStatus Status, int SendCount);
