using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlexPay.Sandbox.Companies;
using FlexPay.Sandbox.Infrastructure;
using FlexPay.Sandbox.Inspection;

namespace FlexPay.Sandbox.Gateways;

/// <summary>Gateway Management API as decided in flexpay-api.md §5.6. Validation failures are HTTP 400 here, not 5xxxx.</summary>
internal static class GatewayEndpoints
{
    public static void MapGateways(this IEndpointRouteBuilder v1)
    {
        v1.MapPost("/gateways", CreateAsync);
        v1.MapGet("/gateways", List);
        v1.MapGet("/gateways/{id}", Get);
        v1.MapPut("/gateways/{id}", UpdateAsync);
        v1.MapDelete("/gateways/{id}", Delete);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, TimeProvider time)
    {
        var body = await SandboxJson.ReadEnvelopeAsync(http.Request, "gateway");
        var company = http.Company();
        LogSent(http, null, body);

        var name = body.Str("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BadRequestException("The gateway 'name' is required.");
        }
        var gatewayType = body.Str("gatewayType");
        if (gatewayType is null || !GatewayTypes.Known.Contains(gatewayType))
        {
            throw new BadRequestException($"50145: invalid gateway type '{gatewayType}'.");
        }
        var currency = body.Str("currencyCode");
        if (string.IsNullOrWhiteSpace(currency))
        {
            throw new BadRequestException("The gateway 'currencyCode' is required.");
        }

        var gateway = new Gateway
        {
            Id = Tokens.New(),
            Name = name,
            CreatedAt = time.GetUtcNow(),
            GatewayType = gatewayType,
            CurrencyCode = currency.ToUpperInvariant(),
        };
        Apply(gateway, body);
        lock (company.Gate)
        {
            company.Gateways.Add(gateway);
            return Answer(http, gateway);
        }
    }

    private static IResult List(HttpContext http)
    {
        var company = http.Company();
        lock (company.Gate)
        {
            return SandboxJson.Ok(new GatewayListEnvelope([.. company.Gateways.Select(g => g.ToDto())]));
        }
    }

    private static IResult Get(HttpContext http, string id)
    {
        var company = http.Company();
        http.LogEntry().GatewayId = id;
        lock (company.Gate)
        {
            var gateway = company.Gateways.Find(g => g.Id == id);
            return gateway is null ? NotFound(id) : Answer(http, gateway);
        }
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string id)
    {
        var body = await SandboxJson.ReadEnvelopeAsync(http.Request, "gateway");
        var company = http.Company();
        LogSent(http, id, body);
        lock (company.Gate)
        {
            var gateway = company.Gateways.Find(g => g.Id == id);
            if (gateway is null)
            {
                return NotFound(id);
            }
            var name = body.Str("name");
            if (name is not null && name != gateway.Name)
            {
                throw new BadRequestException("The gateway 'name' is set at creation and cannot be changed.");
            }
            var gatewayType = body.Str("gatewayType");
            if (gatewayType is not null && !GatewayTypes.Known.Contains(gatewayType))
            {
                throw new BadRequestException($"50145: invalid gateway type '{gatewayType}'.");
            }
            var currency = body.Str("currencyCode");
            if (body.Has("currencyCode") && string.IsNullOrWhiteSpace(currency))
            {
                throw new BadRequestException("The gateway 'currencyCode' cannot be emptied.");
            }

            // Validate everything before changing anything, so a 400 leaves the gateway as it was.
            var staged = Stage(body);
            gateway.GatewayType = gatewayType ?? gateway.GatewayType;
            gateway.CurrencyCode = currency?.ToUpperInvariant() ?? gateway.CurrencyCode;
            staged(gateway);
            return Answer(http, gateway);
        }
    }

    private static IResult Delete(HttpContext http, string id)
    {
        var company = http.Company();
        http.LogEntry().GatewayId = id;
        lock (company.Gate)
        {
            var gateway = company.Gateways.Find(g => g.Id == id);
            if (gateway is null)
            {
                return NotFound(id);
            }
            company.Gateways.Remove(gateway);
            return Answer(http, gateway);
        }
    }

    private static void Apply(Gateway gateway, JsonObject body) => Stage(body)(gateway);

    /// <summary>Reads the optional members (400 on a bad one) and returns the change to apply.</summary>
    private static Action<Gateway> Stage(JsonObject body)
    {
        var status = body.Str("status");
        if (status is not null && !Gateway.Statuses.Contains(status))
        {
            throw new BadRequestException($"The gateway 'status' must be one of {string.Join(", ", Gateway.Statuses)}.");
        }
        var currencies = body.Has("acceptedCurrencyCodes") ? StringList(body, "acceptedCurrencyCodes") : null;
        var cards = body.Obj("acceptedCards");
        var weight = body.Long("weight");
        if (weight is < 0 or > int.MaxValue)
        {
            throw new BadRequestException("The gateway 'weight' must be a non-negative integer.");
        }
        var acceptRetries = body.Bool("acceptRetries");
        var cvvRequired = body.Bool("cvvRequired");
        var rateFee = Decimal(body, "approvedChargeOrCaptureRateFee");
        var flatFee = Decimal(body, "approvedChargeOrCaptureFlatFee");
        var otherFee = Decimal(body, "otherTransactionFlatFee");
        var settings = body.Has("settings") ? Settings(body) : null;
        var mar = body.Str("merchantAccountReferenceId");
        var hasMar = body.Has("merchantAccountReferenceId");

        return gateway =>
        {
            gateway.Status = status ?? gateway.Status;
            gateway.AcceptedCurrencyCodes = currencies ?? gateway.AcceptedCurrencyCodes;
            gateway.AcceptedCards = cards is null ? gateway.AcceptedCards : (JsonObject)cards.DeepClone();
            gateway.Weight = (int?)weight ?? gateway.Weight;
            gateway.AcceptRetries = acceptRetries ?? gateway.AcceptRetries;
            gateway.CvvRequired = cvvRequired ?? gateway.CvvRequired;
            gateway.ApprovedChargeOrCaptureRateFee = rateFee ?? gateway.ApprovedChargeOrCaptureRateFee;
            gateway.ApprovedChargeOrCaptureFlatFee = flatFee ?? gateway.ApprovedChargeOrCaptureFlatFee;
            gateway.OtherTransactionFlatFee = otherFee ?? gateway.OtherTransactionFlatFee;
            gateway.Settings = settings ?? gateway.Settings;
            gateway.MerchantAccountReferenceId = hasMar ? mar : gateway.MerchantAccountReferenceId;
        };
    }

    private static string[] StringList(JsonObject body, string name) => body[name] switch
    {
        null => [],
        JsonArray array when array.All(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String) =>
            [.. array.Select(n => n!.GetValue<string>().ToUpperInvariant())],
        _ => throw new BadRequestException($"The field '{name}' must be an array of strings."),
    };

    /// <summary>A free-form string map (flexpay-api.md §5.4); numbers and booleans are kept as their text.</summary>
    private static Dictionary<string, string> Settings(JsonObject body)
    {
        var settings = body.Obj("settings") ?? [];
        return settings.ToDictionary(
            p => p.Key,
            p => settings.Str(p.Key) ?? "",
            StringComparer.Ordinal);
    }

    private static decimal? Decimal(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var number))
            {
                return number;
            }
            if (v.GetValueKind() == JsonValueKind.String
                && decimal.TryParse(v.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }
        throw new BadRequestException($"The field '{name}' must be a number.");
    }

    private static void LogSent(HttpContext http, string? id, JsonObject body)
    {
        var entry = http.LogEntry();
        entry.GatewayId = id;
        entry.GatewayStatus = body["status"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
    }

    private static IResult Answer(HttpContext http, Gateway gateway)
    {
        http.LogEntry().GatewayId = gateway.Id;
        return SandboxJson.Ok(new GatewayEnvelope(gateway.ToDto()));
    }

    private static IResult NotFound(string id) => SandboxJson.Error(StatusCodes.Status404NotFound, $"Gateway '{id}' not found.");
}
