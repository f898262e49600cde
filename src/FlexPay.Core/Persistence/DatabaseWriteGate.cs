using Microsoft.Extensions.Options;

namespace FlexPay.Core.Persistence;

/// <summary>
/// SQLite takes one writer at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms
/// before it tries again: workers writing at once spent most of their time asleep. The engine's writes queue
/// here instead, which hands the lock on in microseconds (docs/decisions/010). One per host, registered as a
/// singleton, so hosts sharing a process (the tests) never wait for each other's databases. PostgreSQL takes
/// writers side by side, and several nodes could not share this gate anyway, so there it lets every write through
/// at once (docs/decisions/014).
/// </summary>
public sealed class DatabaseWriteGate(IOptions<StorageOptions> storage) : IDisposable
{
    private readonly SemaphoreSlim? gate = storage.Value.IsPostgres ? null : new(1, 1);

    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        if (gate is null)
        {
            return await write();
        }
        await gate.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate?.Dispose();
}
