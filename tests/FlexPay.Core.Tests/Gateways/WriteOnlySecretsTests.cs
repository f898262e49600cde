using FlexPay.Core.Accounts;
using FlexPay.Core.Gateways;
using FlexPay.Core.Tests.Recovery.Engine;
using FlexPay.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Gateways;

/// <summary>Credentials and API keys go in, reach FlexPay, and are never shown, logged or stored in the clear.</summary>
public sealed class WriteOnlySecretsTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Credentials_reach_FlexPay_but_are_never_returned_logged_or_stored_in_the_clear()
    {
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-secret", enabled: true));
        await _engine.Gateways().UpdateAsync(gateway.Id, draft => draft with
        {
            Credentials = new Dictionary<string, string> { ["password"] = GatewayBuilders.SecondPassword },
        });
        await _engine.RunDueAsync();

        // Positive control: both secrets did travel to FlexPay, so their absence elsewhere means something.
        var sent = string.Join("\n", _engine.FlexPayRequests.All.Select(r => r.Body));
        Assert.Contains(GatewayBuilders.Password, sent, StringComparison.Ordinal);
        Assert.Contains(GatewayBuilders.SecondPassword, sent, StringComparison.Ordinal);

        var shown = await _engine.Gateways().GetAsync(gateway.Id);
        var everything = string.Join("\n", typeof(Gateway).GetProperties().Select(p => $"{p.GetValue(shown)}"))
            + shown + (await _engine.Gateways().ListAsync()).Single();
        Assert.Equal(["password"], shown.CredentialKeys);
        Assert.True(shown.HasCredentials);
        AssertNoSecret(everything);
        AssertNoSecret(_engine.Logs.AllText);
        AssertNoSecret(await DatabaseFilesAsTextAsync());
        Assert.Contains("MID-secret", await DatabaseFilesAsTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Gateway", _engine.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_key_is_stored_encrypted_and_shown_only_as_a_hint()
    {
        var accounts = _engine.Services.GetRequiredService<IFlexPayAccounts>();
        await accounts.AddAsync("Acme Ltd", FlexPayMode.Live, EngineHarness.SecondCompanyKey);

        var listed = accounts.List();
        Assert.Equal(["default", "Acme Ltd"], listed.Select(a => a.Company));
        Assert.Equal("****MDA=", listed[0].KeyHint);
        Assert.Equal(SandboxOptions.DevelopmentApiKey, accounts.GetApiKey("default").Value);
        Assert.Equal(EngineHarness.SecondCompanyKey, accounts.GetApiKey("Acme Ltd").Value);
        Assert.All(listed, a => Assert.DoesNotContain(a.KeyHint[4..] + "x", a.ToString(), StringComparison.Ordinal));
        var everything = string.Join("\n", listed.SelectMany(a => typeof(FlexPayAccount).GetProperties().Select(p => $"{p.GetValue(a)}")))
            + string.Join("\n", listed) + accounts.GetApiKey("default");
        AssertNoSecret(everything);
        AssertNoSecret(_engine.Logs.AllText);
        AssertNoSecret(await DatabaseFilesAsTextAsync());
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(GatewayBuilders.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayBuilders.SecondPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxOptions.DevelopmentApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(EngineHarness.SecondCompanyKey, text, StringComparison.Ordinal);
    }

    /// <summary>The database and its write-ahead log, read as text, as anyone with the file would.</summary>
    private async Task<string> DatabaseFilesAsTextAsync()
    {
        var texts = new List<string>();
        foreach (var file in Directory.GetFiles(_engine.DataDirectory, "flexpay.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            texts.Add(await reader.ReadToEndAsync());
        }
        return string.Join("\n", texts);
    }
}
