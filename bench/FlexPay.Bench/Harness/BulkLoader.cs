using System.Diagnostics;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlexPay.Bench.Harness;

/// <summary>
/// Fills a console database (migrated by EF Core, as the console does) with realistic chains and attempts
/// through raw, prepared INSERTs in large transactions: a million chains in a minute or two instead of hours.
/// Values are written exactly as EF Core's mapping stores them (GUIDs as upper-case text, instants as UTC
/// ticks, enums as names), which <see cref="VerifyReadableAsync"/> checks by reading chains back through EF.
/// </summary>
internal sealed class BulkLoader(string databasePath, params IInterceptor[] interceptors) : IDbContextFactory<FlexPayDbContext>
{
    private const int RowsPerTransaction = 100_000;

    private static readonly string[] ChainColumns =
    [
        "Id", "ExternalId", "Company", "OrderId", "CustomerId", "Email", "Amount", "CurrencyCode",
        "Instrument_PaymentMethodId", "Instrument_GatewayPaymentMethodId", "Instrument_CardBrand", "Instrument_FirstSixDigits",
        "Instrument_LastFourDigits", "Instrument_ExpiryMonth", "Instrument_ExpiryYear", "PinnedGatewayToken", "Description",
        "InitialDeclineCode", "InitialDeclineMessage", "DateFirstAttempt", "CreatedAt", "UpdatedAt", "State", "Failure", "StateReason",
        "NextAttemptDueAt", "RecoveredAt", "RecoveredTransactionId", "RefundedAmount", "Version",
    ];

    private static readonly string[] AttemptColumns =
    [
        "Id", "ChainId", "RetryCount", "MerchantTransactionId", "ReferenceDataSent", "GatewayTokenSent", "DueAt", "FlexPayRetryDate",
        "Status", "SentAt", "AnsweredAt", "SendCount", "Outcome", "TransactionId", "ResponseCode", "ResponseMessage",
        "ReferenceDataReceived", "RetryDateReceived", "GatewayTokenUsed", "AssignedGatewayTokenReceived",
    ];

    /// <summary>How far back chains were created: they spread evenly over these months.</summary>
    private static readonly TimeSpan CreatedOver = TimeSpan.FromDays(180);

    /// <summary>Three companies (FlexPay API keys), each with its own gateways (FlexPay tokens: 26 characters).</summary>
    private static readonly (string Company, string[] Gateways)[] Companies =
    [
        ("default", [GatewayToken(1), GatewayToken(2), GatewayToken(3), GatewayToken(4)]),
        ("acme-eu", [GatewayToken(5), GatewayToken(6), GatewayToken(7)]),
        ("acme-apac", [GatewayToken(8), GatewayToken(9)]),
    ];

    public string DatabasePath => databasePath;

    public string ConnectionString => $"Data Source={databasePath};Default Timeout=30";

    /// <summary>A context as the console's factory makes them (same connection string), with this loader's interceptors.</summary>
    public FlexPayDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options);

    public async Task MigrateAsync()
    {
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    /// <summary>Adds <paramref name="count"/> chains; <paramref name="allPending"/> makes each one wait for a retry due tomorrow.</summary>
    public async Task<LoadResult> LoadAsync(int count, bool allPending, int seed)
    {
        var started = Stopwatch.GetTimestamp();
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        var attempts = 0L;
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        // Bulk loading only: the console itself keeps SQLite's durable defaults.
        await Execute(connection, "PRAGMA synchronous=OFF;");
        for (var offset = 0; offset < count; offset += RowsPerTransaction)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            using var chainInsert = Insert(connection, transaction, "Chains", ChainColumns);
            using var attemptInsert = Insert(connection, transaction, "Attempts", AttemptColumns);
            for (var i = offset; i < Math.Min(count, offset + RowsPerTransaction); i++)
            {
                attempts += AddChain(chainInsert, attemptInsert, random, now, i, count, allPending);
            }
            await transaction.CommitAsync();
        }
        await Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new LoadResult(count, attempts, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Reads a few chains back through EF Core with their attempts: the rows are what the console would have written.</summary>
    public async Task VerifyReadableAsync()
    {
        await using var db = CreateDbContext();
        var sample = await db.Chains.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(3).Select(c => c.Id).ToListAsync();
        foreach (var id in sample)
        {
            var chain = await db.Chains.AsNoTracking().WithHistory().SingleAsync(c => c.Id == id);
            if (chain.Attempts.Count == 0)
            {
                throw new InvalidOperationException($"Chain {id} was read back without its attempts: the bulk rows do not match EF Core's mapping.");
            }
        }
    }

    public async Task<long> FileSizeAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new FileInfo(databasePath).Length;
    }

    /// <summary>Bytes per table and index, from SQLite's dbstat table when the build has it.</summary>
    public async Task<IReadOnlyDictionary<string, long>> SpaceByObjectAsync()
    {
        var sizes = new Dictionary<string, long>();
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name;";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sizes[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        catch (SqliteException)
        {
            // This SQLite build has no dbstat; the file size alone is reported.
        }
        return sizes;
    }

    private static int AddChain(SqliteCommand chain, SqliteCommand attempt, Random random, DateTimeOffset now, int index, int total, bool allPending)
    {
        var createdAt = now - CreatedOver * (1 - (double)index / total) - TimeSpan.FromMinutes(10);
        var id = Guid.CreateVersion7(createdAt);
        var state = allPending ? "Scheduled" : PickState(random);
        var declines = random.Next(0, 4);
        var tag = id.ToString("N");
        var (company, gateways) = PickCompany(random);
        var currency = PickCurrency(random);
        var pinned = random.Next(100) < 5 ? gateways[random.Next(gateways.Length)] : null;
        var dueNext = state == "Scheduled" ? now + TimeSpan.FromDays(1) + TimeSpan.FromSeconds(random.Next(0, 86_400)) : (DateTimeOffset?)null;
        var lastAt = createdAt + TimeSpan.FromDays(declines + 1);
        var final = state switch
        {
            "Recovered" => ("Approved", "Approved", "10000", "Approved"),
            "Failed" => ("Declined", "HardDecline", "30011", "Declined - Do not honor"),
            "Cancelled" => ("Cancelled", (string?)null, (string?)null, (string?)null),
            _ => ("Scheduled", null, null, null),
        };

        Set(chain,
            Text(id), "rebill-" + tag, company, $"INV-{random.Next(1_000_000, 100_000_000)}-{index}", "cust-" + random.Next(1, 200_000),
            $"customer{random.Next(1, 200_000)}@example.com", (long)random.Next(500, 20_000), currency, "pm" + tag[..24], null, "Visa", "492020",
            "9560", "07", "2027", pinned, "Monthly subscription", "05", "Do not honor", createdAt.UtcTicks - TimeSpan.TicksPerDay, createdAt.UtcTicks,
            (dueNext ?? lastAt).UtcTicks - TimeSpan.TicksPerDay, state, state == "Failed" ? "HardDecline" : null,
            state switch
            {
                "Scheduled" => "Declined (20003): Insufficient funds. Retry at FlexPay's retry date.",
                "Failed" => "Declined (30011): Declined - Do not honor",
                "Cancelled" => "Cancelled by ops@example.com: customer left",
                _ => "Approved",
            },
            dueNext?.UtcTicks, state == "Recovered" ? lastAt.UtcTicks : null, state == "Recovered" ? "tx" + tag : null, 0L, declines * 3 + 2);
        chain.ExecuteNonQuery();

        string? reference = null;
        var tokenSent = pinned;
        for (var n = 0; n <= declines; n++)
        {
            var isLast = n == declines;
            var due = createdAt + TimeSpan.FromDays(n);
            if (isLast && dueNext is { } next)
            {
                due = next;
            }
            var sent = isLast && final.Item1 is "Scheduled" or "Cancelled" ? (DateTimeOffset?)null : due + TimeSpan.FromMilliseconds(3);
            var received = isLast ? null : "qBQrAAEAAIDFC6Ws2d7dCAAAAAAAAAAA" + tag[..12];
            // FlexPay routes an unpinned first attempt to one of the company's gateways; later ones go where it assigned.
            var tokenUsed = sent is null ? null : tokenSent ?? gateways[random.Next(gateways.Length)];
            Set(attempt,
                Text(Guid.CreateVersion7(due)), Text(id), n + 1, "ch-" + Guid.CreateVersion7(due).ToString("N"), reference, tokenSent,
                due.UtcTicks, n == 0 ? null : due.UtcTicks, isLast ? final.Item1 : "Declined", sent?.UtcTicks,
                sent is { } s ? (s + TimeSpan.FromMilliseconds(180)).UtcTicks : null, sent is null ? 0 : 1,
                isLast ? final.Item2 : "SoftDeclineWithRetryDate", sent is null ? null : "tx" + Guid.CreateVersion7(due).ToString("N"),
                isLast ? final.Item3 : "20003", isLast ? final.Item4 : "Insufficient funds", received,
                isLast ? null : (due + TimeSpan.FromDays(1)).UtcTicks, tokenUsed, tokenUsed);
            attempt.ExecuteNonQuery();
            reference = received;
            tokenSent = pinned ?? tokenUsed;
        }
        return declines + 1;
    }

    private static (string Company, string[] Gateways) PickCompany(Random random) => random.Next(100) switch
    {
        < 60 => Companies[0],
        < 90 => Companies[1],
        _ => Companies[2],
    };

    private static string PickCurrency(Random random) => random.Next(100) switch
    {
        < 45 => "USD",
        < 70 => "EUR",
        < 85 => "GBP",
        < 93 => "JPY",
        < 98 => "CAD",
        _ => "BHD",
    };

    private static string PickState(Random random) => random.Next(100) switch
    {
        < 20 => "Scheduled",
        < 60 => "Recovered",
        < 95 => "Failed",
        _ => "Cancelled",
    };

    private static string GatewayToken(int n) => $"GW{n:D2}" + new string((char)('A' + n), 22);

    // EF Core's SQLite provider stores a Guid as upper-case text.
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))});";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }
        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

internal sealed record LoadResult(int Chains, long Attempts, TimeSpan Elapsed);
