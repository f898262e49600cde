using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Admin.Health;
using FlexPay.Core.Accounts;
using FlexPay.Sandbox;
using FlexPay.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Health;

/// <summary>
/// What a load balancer asks each node, anonymously: that it lives, and that it is ready (database, migrations, its Hangfire
/// server, FlexPay with every company's key), named by the node, and nothing it must not tell. On SQLite
/// (<see cref="NodeHealthTests"/>) and PostgreSQL (<see cref="NodeHealthOnPostgres"/>).
/// </summary>
public abstract class NodeHealthScenarios<TApp>(TApp app)
    where TApp : QuickRetryAppFactory
{
    [Fact]
    public async Task Live_answers_200_with_the_node_s_name_and_no_checks()
    {
        using var anonymous = app.CreateBrowser();

        using var live = await anonymous.GetAsync(NodeHealth.LivePath);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var body = (await live.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal(Environment.MachineName, (string?)body["node"]);
        Assert.Empty(body["checks"]!.AsObject());
    }

    [Fact]
    public async Task Ready_answers_200_once_the_database_the_migrations_the_scheduler_and_flexpay_are_all_healthy()
    {
        using var anonymous = app.CreateBrowser();

        // Hangfire's server registers itself a moment after start-up.
        var body = await Eventually.ReturnsAsync(() => ReadyAsync(anonymous), b => (string?)b["status"] == "Healthy", "the node to be ready");

        var checks = body["checks"]!.AsObject();
        Assert.Equal(["database", "migrations", "scheduler", "flexpay"], checks.Select(c => c.Key));
        Assert.All(checks, c => Assert.Equal("Healthy", (string?)c.Value!["status"]));
        Assert.Equal(0, (int)checks["migrations"]!["data"]!["pending"]!);
        Assert.True((int)checks["scheduler"]!["data"]!["servers"]! >= 1);
    }

    [Fact]
    public async Task Ready_answers_503_while_flexpay_refuses_a_company_s_key_and_names_neither_the_company_nor_the_key()
    {
        using var anonymous = app.CreateBrowser();
        const string company = "acme-refused";
        const string refusedKey = "cmVmdXNlZC1rZXktMDAwMDAwMDAwMDAwMDAwMDAwMDA=";
        var accounts = app.Services.GetRequiredService<IFlexPayAccounts>();
        await accounts.AddAsync(company, FlexPayMode.Sandbox, refusedKey);
        try
        {
            using var ready = await anonymous.GetAsync(NodeHealth.ReadyPath);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var text = await ready.Content.ReadAsStringAsync();
            var flexPay = JsonNode.Parse(text)!["checks"]!["flexpay"]!;
            Assert.Equal("Unhealthy", (string?)flexPay["status"]);
            Assert.Equal((int)flexPay["data"]!["accounts"]! - 1, (int)flexPay["data"]!["reachable"]!);
            foreach (var secret in new[] { company, refusedKey, SandboxOptions.DevelopmentApiKey, "Password", "Host=", app.DataDirectory })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            await accounts.RemoveAsync(company);
        }
    }

    private static async Task<JsonObject> ReadyAsync(HttpClient client)
    {
        using var ready = await client.GetAsync(NodeHealth.ReadyPath);
        return (await ready.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}

/// <summary>The node on its SQLite file.</summary>
public sealed class NodeHealthTests(QuickRetryAppFactory app)
    : NodeHealthScenarios<QuickRetryAppFactory>(app), IClassFixture<QuickRetryAppFactory>;

/// <summary>The node on PostgreSQL.</summary>
[Collection(PostgresServer.Collection)]
public sealed class NodeHealthOnPostgres(PostgresQuickRetryAppFactory app)
    : NodeHealthScenarios<PostgresQuickRetryAppFactory>(app), IClassFixture<PostgresQuickRetryAppFactory>;
