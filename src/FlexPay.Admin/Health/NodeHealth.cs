using System.Text.Json;
using FlexPay.Admin.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (this node can do its work: the database answers and is
/// migrated, its Hangfire server runs, and FlexPay accepts every company's key), for a load balancer or an orchestrator.
/// Anonymous, so each answer carries only the node's name, each check's status and counts: never an address, a company, a
/// key, an exception or a version.
/// </summary>
internal static class NodeHealth
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private const string ReadyTag = "ready";

    /// <summary>A probe answers within this even when FlexPay or the database does not (a check past it is Unhealthy).</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IHostApplicationBuilder AddNodeHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NodeOptions>().BindConfiguration(NodeOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name), "Node:Name must not be empty.")
            .ValidateOnStart();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<MigrationsCheck>("migrations", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<SchedulerCheck>("scheduler", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<FlexPayAccountsCheck>("flexpay", tags: [ReadyTag], timeout: CheckTimeout);
        return builder;
    }

    public static WebApplication MapNodeHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        return app;
    }

    /// <summary>Status and data only: a description may carry an exception's message, so none is written.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var node = http.RequestServices.GetRequiredService<IOptions<NodeOptions>>().Value.Name;
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            node,
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), data = entry.Value.Data.Count == 0 ? null : entry.Value.Data }),
        }, cancellationToken: http.RequestAborted);
    }
}
