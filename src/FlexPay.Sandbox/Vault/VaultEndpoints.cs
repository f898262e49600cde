using System.Globalization;
using System.Text.Json.Nodes;
using FlexPay.Sandbox.Infrastructure;
using FlexPay.Sandbox.Inspection;
using FlexPay.Sandbox.Transactions;

namespace FlexPay.Sandbox.Vault;

/// <summary>The payment-method vault of flexpay-api.md §2.9.</summary>
internal static class VaultEndpoints
{
    private static readonly string[] EditableFields =
    [
        "expiryMonth", "expiryYear", "firstName", "lastName", "fullName", "address1", "address2",
        "postalCode", "city", "state", "country", "email", "phoneNumber",
    ];

    private static readonly string[] NameFields = ["firstName", "lastName", "fullName"];

    public static void MapVault(this IEndpointRouteBuilder v1)
    {
        v1.MapPost("/paymentmethods", CreateAsync);
        v1.MapGet("/paymentmethods", List);
        v1.MapGet("/paymentmethods/{id}", Get);
        v1.MapPut("/paymentmethods/{id}", UpdateAsync);
        v1.MapPut("/paymentmethods/{id}/redact", Redact);
        v1.MapPut("/paymentmethods/{id}/recache", RecacheAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, TimeProvider time)
    {
        var body = await SandboxJson.ReadEnvelopeAsync(http.Request, "paymentMethod");
        // Both documented forms, plus a flat card for tolerance.
        var cardNode = body.Obj("creditCard") ?? body.Obj("gatewayPaymentMethod") ?? body;
        var card = CardInput.Parse(cardNode);
        var customerId = body.Str("customerId");
        var now = time.GetUtcNow();
        var company = http.Company();
        var refusal = card.GatewayPaymentMethodId is null && card.CreditCardNumber is null && cardNode == body
            ? "50135"
            : card.InvalidForVault();
        if (refusal is not null)
        {
            var unresolved = PaymentMethodDto.Unresolved(customerId ?? Guid.NewGuid().ToString(), now);
            return Answer(http, Outcome(VaultTypes.Create, now, refusal, unresolved));
        }
        var item = VaultItem.New(card, customerId, now, VaultItem.Stored);
        lock (company.Gate)
        {
            company.Vault.Add(item.Id, item);
            return Answer(http, Outcome(VaultTypes.Create, now, ResponseCodes.Approved, item.ToDto()));
        }
    }

    /// <summary>Lists what is stored or redacted; cards merely cached by a charge are not "in the vault".</summary>
    private static IResult List(HttpContext http, string? order, string? count, string? sinceToken)
    {
        var size = 20;
        if (!string.IsNullOrEmpty(count)
            && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
        {
            throw new BadRequestException("The parameter 'count' must be a positive integer.");
        }
        var company = http.Company();
        lock (company.Gate)
        {
            IEnumerable<VaultItem> items = company.Vault.Values
                .Where(v => v.StorageState != VaultItem.Cached)
                .OrderBy(v => v.DateCreated);
            if (string.Equals(order, "desc", StringComparison.OrdinalIgnoreCase))
            {
                items = items.Reverse();
            }
            if (!string.IsNullOrEmpty(sinceToken))
            {
                items = items.SkipWhile(v => v.Id != sinceToken).Skip(1);
            }
            var page = items.Take(Math.Min(size, 100)).Select(v => new PaymentMethodEnvelope(v.ToDto())).ToList();
            return SandboxJson.Ok(new PaymentMethodListEnvelope(page));
        }
    }

    private static IResult Get(HttpContext http, string id)
    {
        var company = http.Company();
        lock (company.Gate)
        {
            return company.Vault.TryGetValue(id, out var item)
                ? SandboxJson.Ok(new PaymentMethodEnvelope(item.ToDto()))
                : NotFound(id);
        }
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, TimeProvider time, string id)
    {
        var body = await ReadOptionalAsync(http);
        var changes = body?.Obj("paymentMethod") ?? body?.Obj("creditCard") ?? [];
        if (body?.Obj("paymentMethod")?.Obj("creditCard") is { } nested)
        {
            changes = nested;
        }
        if (!EditableFields.Any(changes.Has))
        {
            throw new BadRequestException("The request has no editable field.");
        }
        var update = CardInput.Parse(changes);
        // §4.11.8: FlexPay refuses to blank a name the same way, and changes nothing.
        if (NameFields.Any(name => changes.Has(name) && string.IsNullOrWhiteSpace(changes.Str(name))))
        {
            throw new BadRequestException("The request has no editable field: firstName, lastName and fullName cannot be blanked.");
        }
        var company = http.Company();
        lock (company.Gate)
        {
            if (!company.Vault.TryGetValue(id, out var item))
            {
                return NotFound(id);
            }
            if (item.StorageState == VaultItem.Redacted)
            {
                return Answer(http, Outcome(VaultTypes.Update, time.GetUtcNow(), "50136", item.ToDto()));
            }
            var card = item.Card;
            // fullName is kept as stored, not recomputed from new parts (§4.11.9).
            item.Card = card with
            {
                ExpiryMonth = changes.Has("expiryMonth") ? update.ExpiryMonth : card.ExpiryMonth,
                ExpiryYear = changes.Has("expiryYear") ? update.ExpiryYear : card.ExpiryYear,
                FirstName = changes.Has("firstName") ? update.FirstName : card.FirstName,
                LastName = changes.Has("lastName") ? update.LastName : card.LastName,
                FullName = changes.Has("fullName") ? update.FullName : card.FullName,
                Address1 = changes.Has("address1") ? update.Address1 : card.Address1,
                Address2 = changes.Has("address2") ? update.Address2 : card.Address2,
                PostalCode = changes.Has("postalCode") ? update.PostalCode : card.PostalCode,
                City = changes.Has("city") ? update.City : card.City,
                State = changes.Has("state") ? update.State : card.State,
                Country = changes.Has("country") ? update.Country : card.Country,
                Email = changes.Has("email") ? update.Email : card.Email,
                PhoneNumber = changes.Has("phoneNumber") ? update.PhoneNumber : card.PhoneNumber,
            };
            return Answer(http, Outcome(VaultTypes.Update, time.GetUtcNow(), ResponseCodes.Approved, item.ToDto()));
        }
    }

    private static IResult Redact(HttpContext http, TimeProvider time, string id)
    {
        var company = http.Company();
        lock (company.Gate)
        {
            if (!company.Vault.TryGetValue(id, out var item))
            {
                return NotFound(id);
            }
            item.StorageState = VaultItem.Redacted;
            return Answer(http, Outcome(VaultTypes.Redact, time.GetUtcNow(), ResponseCodes.Approved, item.ToDto()));
        }
    }

    private static async Task<IResult> RecacheAsync(HttpContext http, TimeProvider time, string id)
    {
        var body = await ReadOptionalAsync(http);
        var cvv = body?.Obj("paymentMethod")?.Obj("creditCard")?.Str("cvv");
        var company = http.Company();
        lock (company.Gate)
        {
            if (!company.Vault.TryGetValue(id, out var item))
            {
                return NotFound(id);
            }
            if (item.StorageState == VaultItem.Redacted)
            {
                return Answer(http, Outcome(VaultTypes.Recache, time.GetUtcNow(), "50136", item.ToDto()));
            }
            item.Card = item.Card with { Cvv = cvv ?? item.Card.Cvv };
            return Answer(http, Outcome(VaultTypes.Recache, time.GetUtcNow(), ResponseCodes.Approved, item.ToDto()));
        }
    }

    private static async Task<JsonObject?> ReadOptionalAsync(HttpContext http) =>
        http.Request.ContentLength is 0 ? null : await SandboxJson.ReadBodyAsync(http.Request) as JsonObject;

    private static VaultAnswerDto Outcome(string type, DateTimeOffset now, string code, PaymentMethodDto paymentMethod) => new(
        paymentMethod,
        paymentMethod.CustomerId,
        code,
        ResponseCodes.MessageOf(code),
        WireTime.Format(now),
        Tokens.New(),
        ResponseCodes.IsApproved(code) ? 1 : 2,
        type);

    private static IResult Answer(HttpContext http, VaultAnswerDto answer)
    {
        http.LogEntry().CaptureResponse(answer.ResponseCode, answer.TransactionId);
        return SandboxJson.Ok(new VaultAnswerEnvelope(answer));
    }

    private static IResult NotFound(string id) => SandboxJson.Error(StatusCodes.Status404NotFound, $"Payment method '{id}' not found.");
}
