using Xunit;

namespace FlexPay.Testing;

/// <summary>
/// The one <see cref="PostgresCluster"/> of a test assembly, as an xunit collection fixture: each test project declares a
/// collection over it (<c>[CollectionDefinition(PostgresServer.Collection)]</c>), and its PostgreSQL test classes join that
/// collection and take a fresh database each.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Collection = "PostgreSQL";

    private PostgresCluster? _cluster;

    public Task<string> CreateDatabaseAsync() =>
        (_cluster ?? throw new InvalidOperationException("The PostgreSQL server has not started.")).CreateDatabaseAsync();

    public async Task InitializeAsync() => _cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
