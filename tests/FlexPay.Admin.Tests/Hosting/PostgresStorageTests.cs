using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Admin.Health;
using FlexPay.Core.Accounts;
using FlexPay.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FlexPay.Admin.Tests.Hosting;

/// <summary>
/// What the console keeps where on PostgreSQL, and what a second node on the same database shares with the first: the key
/// ring (so it reads the secrets the first stored), the migrations, Hangfire's schema (docs/decisions/014).
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class PostgresStorageTests(PostgresQuickRetryAppFactory app) : IClassFixture<PostgresQuickRetryAppFactory>
{
    [Fact]
    public async Task The_key_ring_and_hangfire_s_jobs_are_in_the_database_and_nothing_is_in_the_data_folder()
    {
        _ = app.Services;

        Assert.True(await CountAsync("SELECT count(*) FROM \"DataProtectionKeys\"") >= 1);
        Assert.True(await CountAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire'") >= 1);
        // No SQLite file, no key folder, no console.lock: several nodes share the database, none owns a folder.
        Assert.False(Directory.Exists(app.DataDirectory));
    }

    [Fact]
    public async Task A_second_node_on_the_same_database_reads_the_first_node_s_secrets_and_reports_itself_ready_by_its_name()
    {
        const string company = "acme-shared";
        const string apiKey = "c2hhcmVkLWNvbXBhbnkta2V5LTAwMDAwMDAwMDAwMDA=";
        await app.Services.GetRequiredService<IFlexPayAccounts>().AddAsync(company, FlexPayMode.Sandbox, apiKey);
        try
        {
            using var secondNode = new PostgresAppFactory(app.ConnectionString, node: "node-b");

            Assert.True(secondNode.Services.GetRequiredService<IFlexPayAccounts>().TryGetApiKey(company, out var read));
            Assert.Equal(apiKey, read.Value);
            using var probe = secondNode.CreateBrowser();
            var ready = await Eventually.ReturnsAsync(
                async () => (await probe.GetFromJsonAsync<JsonObject>(NodeHealth.LivePath))!,
                body => (string?)body["node"] == "node-b", "the second node to answer by its name");
            Assert.Equal("Healthy", (string?)ready["status"]);
            var servers = await Eventually.ReturnsAsync(
                () => CountAsync("SELECT count(*) FROM hangfire.server"), count => count >= 2, "both nodes' Hangfire servers");
            Assert.True(servers >= 2);
        }
        finally
        {
            await app.Services.GetRequiredService<IFlexPayAccounts>().RemoveAsync(company);
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
