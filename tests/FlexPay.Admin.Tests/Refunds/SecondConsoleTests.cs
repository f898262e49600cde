using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Admin.Tests.Reliability;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Refunds;

/// <summary>A second console started on a data folder a live console uses refuses to start; the first goes on as before.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class SecondConsoleTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-second-console-").FullName;
    private readonly string[] _settings = ["--Recovery:FirstRetryDelay=00:00:01", "--Scheduler:PollingInterval=00:00:00.100"];
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(retryDelay: TimeSpan.FromSeconds(3));

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_second_console_on_the_same_data_folder_exits_naming_the_folder_and_the_first_keeps_working()
    {
        await using var first = await ConsoleProcess.StartAsync(_sandbox, _data, _settings);

        var (exitCode, said) = await ConsoleProcess.RunUntilExitAsync(_data, ConsoleProcess.ProductionSettings(_sandbox, _data, _settings));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(_data, said, StringComparison.Ordinal);
        Assert.Contains($"process {first.ProcessId}", said, StringComparison.Ordinal);
        Assert.False(first.HasExited);
        var id = await RefundLedger.RecoveredChainAsync(first.Api);
        using var refund = await RefundProcesses.PostAsync(first.Api, id, "after-the-refusal", new JsonObject { ["amount"] = 500, ["reason"] = "Still working" });
        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
        Assert.Equal("Approved", (string?)(await refund.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
    }
}
