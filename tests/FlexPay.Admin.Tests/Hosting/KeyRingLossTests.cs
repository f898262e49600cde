using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Admin.Accounts;
using FlexPay.Core.Accounts;
using FlexPay.Core.Persistence;
using FlexPay.Core.Secrets;
using FlexPay.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Hosting;

/// <summary>
/// The key ring is lost (restored without its folder, or a new install on an old database): the console still starts,
/// and every FlexPay key and gateway credential it can no longer decrypt says so, until someone enters it again.
/// </summary>
public sealed class KeyRingLossTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("flexpay-key-loss-").FullName;

    private sealed class OnTheSameData(string root) : ConsoleAppFactory(root, ownsRoot: false);

    [Fact]
    public async Task A_restart_with_the_key_folder_removed_starts_and_marks_what_it_cannot_read_until_entered_again()
    {
        string gatewayId;
        using (var before = new OnTheSameData(_root))
        {
            using var api = before.CreateApiClient();
            using var created = await api.PostAsJsonAsync("/api/v1/gateways", new
            {
                name = "MID-key-loss",
                gatewayType = "flexpay_sandbox",
                currencyCode = "USD",
                credentials = new Dictionary<string, string> { ["username"] = "merchant", ["password"] = "s3cret-before" },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            gatewayId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            Assert.False(before.Services.GetRequiredService<IFlexPayAccounts>().NeedsReentry(FlexPayAccounts.DefaultCompanyName));
            Directory.Delete(Path.Combine(before.DataDirectory, StorageOptions.KeysFolderName), recursive: true);
        }

        using var after = new OnTheSameData(_root);
        var accounts = after.Services.GetRequiredService<IFlexPayAccounts>();
        using var api2 = after.CreateApiClient();
        await using var circuit = await after.CircuitAsync(ConsoleAppFactory.AdminEmail);
        var settings = circuit.ServiceProvider.GetRequiredService<AccountAdministration>();

        Assert.True(accounts.NeedsReentry(FlexPayAccounts.DefaultCompanyName));
        Assert.False(accounts.TryGetApiKey(FlexPayAccounts.DefaultCompanyName, out _));
        Assert.Throws<SecretNeedsReentryException>(() => accounts.GetApiKey(FlexPayAccounts.DefaultCompanyName));
        Assert.True(Assert.Single(await settings.ListAsync()).NeedsReentry);
        Assert.True((bool)(await api2.GetFromJsonAsync<JsonObject>($"/api/v1/gateways/{gatewayId}"))!["credentialsNeedReentry"]!);

        var replaced = await settings.ReplaceKeyAsync(FlexPayAccounts.DefaultCompanyName, SandboxOptions.DevelopmentApiKey);
        using var reentered = await api2.PutAsJsonAsync($"/api/v1/gateways/{gatewayId}",
            new { credentials = new Dictionary<string, string> { ["username"] = "merchant", ["password"] = "s3cret-after" } });

        Assert.True(replaced.Succeeded, replaced.Message);
        Assert.False(Assert.Single(await settings.ListAsync()).NeedsReentry);
        Assert.True(accounts.TryGetApiKey(FlexPayAccounts.DefaultCompanyName, out var key));
        Assert.Equal(SandboxOptions.DevelopmentApiKey, key.Value);
        Assert.Equal(HttpStatusCode.OK, reentered.StatusCode);
        Assert.False((bool)(await api2.GetFromJsonAsync<JsonObject>($"/api/v1/gateways/{gatewayId}"))!["credentialsNeedReentry"]!);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the folder is in the temp directory anyway.
        }
    }
}
