using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FlexPay.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Api;

/// <summary>
/// Every error the REST API gives is an RFC 7807 problem document, never a page: refusals of the input, a missing
/// recovery or route, a domain rule, a write that lost a race, and an exception nobody expected.
/// </summary>
public sealed class ApiProblemTests(ApiProblemTests.FailingApiFactory app) : IClassFixture<ApiProblemTests.FailingApiFactory>
{
    public static TheoryData<string, string, string?, HttpStatusCode> Errors => new()
    {
        { "GET", $"/api/v1/recoveries/{Guid.NewGuid()}", null, HttpStatusCode.NotFound },
        { "POST", $"/api/v1/recoveries/{Guid.NewGuid()}/cancel", null, HttpStatusCode.NotFound },
        { "GET", $"/api/v1/recoveries/{Guid.NewGuid()}/refunds/{Guid.NewGuid()}", null, HttpStatusCode.NotFound },
        { "GET", "/api/v1/no-such-thing", null, HttpStatusCode.NotFound },
        { "GET", "/api/v1/recoveries?limit=0", null, HttpStatusCode.BadRequest },
        { "POST", "/api/v1/recoveries", "{\"amount\":", HttpStatusCode.BadRequest },
        { "POST", "/api/v1/recoveries", "amount=5", HttpStatusCode.UnsupportedMediaType },
        { "GET", FailingEndpoints.Concurrency, null, HttpStatusCode.Conflict },
        { "GET", FailingEndpoints.Unexpected, null, HttpStatusCode.InternalServerError },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Each_kind_of_error_is_a_problem_document(string method, string path, string? body, HttpStatusCode expected)
    {
        using var api = app.CreateApiClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/plain");
        }

        using var response = await api.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)expected, (int?)problem["status"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
    }

    [Fact]
    public async Task A_caller_accepting_only_html_still_gets_a_problem_document()
    {
        using var api = app.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, FailingEndpoints.Unexpected);
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, (int?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
    }

    [Fact]
    public async Task A_domain_rule_refused_is_a_409_saying_why()
    {
        using var api = app.CreateApiClient();
        using var created = await api.PostAsJsonAsync("/api/v1/gateways", new { name = "MID-in-step", gatewayType = "nmi", currencyCode = "USD" });
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        using var response = await api.PostAsync($"/api/v1/gateways/{id}/sync", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nothing to retry", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_race_is_a_409_that_says_nothing_was_saved()
    {
        using var api = app.CreateApiClient();

        using var response = await api.GetAsync(FailingEndpoints.Concurrency);

        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("nothing was saved", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain(FailingEndpoints.Secret, problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_an_unexpected_error_shows_the_exception_to_the_developer()
    {
        using var api = app.CreateApiClient();

        using var response = await api.GetAsync(FailingEndpoints.Unexpected);

        Assert.Contains(FailingEndpoints.Secret, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"], StringComparison.Ordinal);
        Assert.Contains(FailingEndpoints.Secret, app.Logs.AllText, StringComparison.Ordinal);
    }

    /// <summary>The console with two endpoints under /api that fail the way only a bug or a race would.</summary>
    public class FailingApiFactory : ConsoleAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingEndpoints>());
        }
    }

    /// <summary>Mapped after the console's own pipeline, so what they throw goes through the console's error handling.</summary>
    internal sealed class FailingEndpoints : IStartupFilter
    {
        public const string Concurrency = "/api/v1/test-failures/concurrency";
        public const string Unexpected = "/api/v1/test-failures/unexpected";
        public const string Secret = "internal detail 7f3c: connection string and stack";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Concurrency, failing => failing.Run(_ => throw new DbUpdateConcurrencyException(Secret)));
            app.Map(Unexpected, failing => failing.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}

/// <summary>Outside Development an unexpected error says nothing about the code: no exception text, no stack trace.</summary>
public sealed class ApiProblemInProductionTests(ApiProblemInProductionTests.ProductionFailingApiFactory app)
    : IClassFixture<ApiProblemInProductionTests.ProductionFailingApiFactory>
{
    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_with_a_trace_id_and_no_exception_text()
    {
        using var api = app.CreateApiClient();

        using var response = await api.GetAsync(ApiProblemTests.FailingEndpoints.Unexpected);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ApiProblemTests.FailingEndpoints.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)JsonNode.Parse(body)!["traceId"]));
        Assert.Contains(ApiProblemTests.FailingEndpoints.Secret, app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_recovery_is_still_a_404_problem()
    {
        using var api = app.CreateApiClient();

        using var response = await api.GetAsync($"/api/v1/recoveries/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public sealed class ProductionFailingApiFactory : ApiProblemTests.FailingApiFactory
    {
        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // What a Production console on the embedded sandbox with a test key ring must state explicitly.
            builder.UseSetting("Sandbox:Embedded", "true");
            builder.UseSetting("DataProtection:AllowUnprotectedKeys", "true");
        }
    }
}
