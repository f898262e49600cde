using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using FlexPay.Core.FlexPayApi.Json;
using Microsoft.Extensions.Logging;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// The typed FlexPay API client. Each call takes the company's key, sends exactly one request, and turns
/// whatever happens (answer, decline, timeout, dropped line) into a result; only a caller's cancellation
/// throws. It never retries: whether to send again is a business decision made with the result in hand.
/// </summary>
public sealed partial class FlexPayClient(HttpClient http, ILogger<FlexPayClient> logger)
{
    private const int MaxErrorTextLength = 300;

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private async Task<TransactionResult> SendTransactionAsync(
        HttpMethod method, string path, FlexPayApiKey key, object? body, bool movesMoney, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var started = Stopwatch.GetTimestamp();
        var exchange = await ExchangeAsync(method, path, key, body, ct);
        var result = ToTransactionResult(exchange, movesMoney);
        Log(exchange, result.Outcome.ToString(), result.ResponseCode, started, IsTrouble(result.Outcome));
        return result;
    }

    private Task<FlexPayResponse<T>> SendAsync<TBody, T>(
        HttpMethod method, string path, FlexPayApiKey? key, object? body, Func<TBody, T?> unwrap, CancellationToken ct) =>
        SendAsync(method, path, key, body, text => TryRead<TBody>(text) is { } envelope ? unwrap(envelope) : default, ct);

    /// <summary>For answers whose body does not matter: any 2xx is <c>Ok</c> with <c>true</c>.</summary>
    private Task<FlexPayResponse<bool>> SendIgnoringBodyAsync(HttpMethod method, string path, FlexPayApiKey? key, CancellationToken ct) =>
        SendAsync(method, path, key, body: null, _ => true, ct);

    private async Task<FlexPayResponse<T>> SendAsync<T>(
        HttpMethod method, string path, FlexPayApiKey? key, object? body, Func<string, T?> read, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var exchange = await ExchangeAsync(method, path, key, body, ct);
        var response = ToResponse(exchange, read);
        Log(exchange, response.Outcome.ToString(), responseCode: null, started, response.Outcome != FlexPayOutcome.Ok);
        return response;
    }

    /// <summary>The only place that touches HTTP. A null key marks the anonymous health check.</summary>
    private async Task<FlexPayExchange> ExchangeAsync(HttpMethod method, string path, FlexPayApiKey? key, object? body, CancellationToken ct)
    {
        // HttpClient may still send on an already-cancelled token; a cancelled caller must not move money.
        ct.ThrowIfCancellationRequested();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (key is null)
        {
            request.Options.Set(FlexPayAuthenticationHandler.Anonymous, true);
        }
        else
        {
            request.Options.Set(FlexPayApiKey.RequestOption, key);
        }

        if (body is not null)
        {
            // Serialized up front: a serialization bug must surface as itself, not as a "connection failure"
            // that would be reported as an unknown outcome.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), FlexPayJson.Options));
            request.Content.Headers.ContentType = JsonMediaType;
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            return FlexPayExchange.Answer(method, path, (int)response.StatusCode, text);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The caller's token is intact, so this is HttpClient's own timeout.
            return FlexPayExchange.NoAnswer(method, path, $"FlexPay did not answer within {http.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException e)
        {
            return FlexPayExchange.NoAnswer(method, path, $"The connection to FlexPay failed: {e.Message}");
        }
        catch (IOException e)
        {
            return FlexPayExchange.NoAnswer(method, path, $"The connection to FlexPay was lost: {e.Message}");
        }
    }

    private static TransactionResult ToTransactionResult(FlexPayExchange exchange, bool movesMoney)
    {
        if (!exchange.IsSuccess)
        {
            return new TransactionResult
            {
                Outcome = FailureOutcome(exchange),
                HttpStatus = exchange.HttpStatus,
                ErrorMessage = exchange.FailureMessage ?? ErrorText(exchange.Body),
                CallMovesMoney = movesMoney,
            };
        }

        if (TryRead<TransactionEnvelope<FlexPayTransaction>>(exchange.Body)?.Transaction is not { } transaction)
        {
            return new TransactionResult
            {
                Outcome = UnreadableSuccessOutcome(exchange.Method),
                HttpStatus = exchange.HttpStatus,
                ErrorMessage = "FlexPay answered without a readable transaction: " + Truncate(exchange.Body),
                CallMovesMoney = movesMoney,
            };
        }

        return new TransactionResult
        {
            Outcome = OutcomeClassifier.Classify(transaction),
            Transaction = transaction,
            HttpStatus = exchange.HttpStatus,
            CallMovesMoney = movesMoney,
        };
    }

    private static FlexPayResponse<T> ToResponse<T>(FlexPayExchange exchange, Func<string, T?> read)
    {
        if (!exchange.IsSuccess)
        {
            return new FlexPayResponse<T>
            {
                Outcome = FailureOutcome(exchange),
                HttpStatus = exchange.HttpStatus,
                ErrorMessage = exchange.FailureMessage ?? ErrorText(exchange.Body),
            };
        }

        if (read(exchange.Body) is not { } value)
        {
            return new FlexPayResponse<T>
            {
                Outcome = UnreadableSuccessOutcome(exchange.Method),
                HttpStatus = exchange.HttpStatus,
                ErrorMessage = "FlexPay answered with an unreadable body: " + Truncate(exchange.Body),
            };
        }

        return new FlexPayResponse<T> { Outcome = FlexPayOutcome.Ok, Value = value, HttpStatus = exchange.HttpStatus };
    }

    private static FlexPayOutcome FailureOutcome(FlexPayExchange exchange) =>
        exchange.HttpStatus is { } status ? OutcomeClassifier.FromHttpStatus(status) : OutcomeClassifier.WithoutAnswer(exchange.Method);

    // A 200 we cannot read still means FlexPay acted on a write: only a read is safe to call a server error.
    private static FlexPayOutcome UnreadableSuccessOutcome(HttpMethod method) =>
        method == HttpMethod.Get ? FlexPayOutcome.ServerError : FlexPayOutcome.OutcomeUnknown;

    private static T? TryRead<T>(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, FlexPayJson.Options);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>FlexPay's error bodies are most likely <c>{"message":"..."}</c>; otherwise keep the start of the text.</summary>
    private static string? ErrorText(string body) =>
        string.IsNullOrWhiteSpace(body) ? null : TryRead<ErrorBody>(body)?.Message ?? Truncate(body);

    private static string Truncate(string text) =>
        text.Length <= MaxErrorTextLength ? text : string.Concat(text.AsSpan(0, MaxErrorTextLength), "…");

    private static bool IsTrouble(FlexPayOutcome outcome) => outcome is FlexPayOutcome.AuthenticationFailed
        or FlexPayOutcome.BadRequest or FlexPayOutcome.ServerError or FlexPayOutcome.OutcomeUnknown or FlexPayOutcome.Unreachable;

    // Method, path, outcome, code and time only: never the key, a body, or anything from the card.
    private void Log(FlexPayExchange exchange, string outcome, string? responseCode, long started, bool trouble)
    {
        var level = trouble ? LogLevel.Warning : LogLevel.Information;
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        FlexPayClientLog.Completed(logger, level, exchange.Method.Method, exchange.Path, outcome, responseCode, exchange.HttpStatus, elapsedMs);
    }
}
