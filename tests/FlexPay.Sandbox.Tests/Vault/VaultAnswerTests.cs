using System.Net;
using System.Text.Json.Nodes;
using FlexPay.Sandbox.Tests.Support;

namespace FlexPay.Sandbox.Tests.Vault;

/// <summary>Vault answers member by member (flexpay-api.md §4.11.8, §4.11.9).</summary>
public abstract class VaultTest : SandboxTest
{
    protected async Task<JsonNode> CreateAsync(JsonObject paymentMethod)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "v1/paymentmethods", new JsonObject { ["paymentMethod"] = paymentMethod });
        Assert.True(status == HttpStatusCode.OK, $"HTTP {(int)status}: {body?.ToJsonString()}");
        return body!["transaction"]!;
    }

    protected Task<JsonNode> CreateCardAsync() =>
        CreateAsync(new JsonObject { ["customerId"] = "cust-1", ["creditCard"] = Build.Card() });

    protected static string IdOf(JsonNode answer) => (string)answer["paymentMethod"]!["paymentMethodId"]!;

    protected Task<(HttpStatusCode Status, JsonNode? Body)> UpdateAsync(string id, JsonObject changes) =>
        SendAsync(HttpMethod.Put, $"v1/paymentmethods/{id}", new JsonObject { ["paymentMethod"] = changes });

    protected static JsonObject StoredVisa(string storageState = "Stored") =>
        Recorded.VisaSnapshot(WholeAnswer.AnyToken, customerId: "cust-1", storageState: storageState);
}

public sealed class Vault_answers_carry_only_the_vault_members : VaultTest
{
    [Fact]
    public async Task Create_answers_eight_members_and_the_stored_card()
    {
        var created = await CreateCardAsync();

        WholeAnswer.Equal(Recorded.VaultAnswer(StoredVisa(), "CreatePaymentMethod"), created);
        Assert.Equal(IdOf(created), (string?)created["paymentMethod"]!["fingerprint"]);
    }

    [Fact]
    public async Task Update_answers_eight_members_and_keeps_the_stored_full_name()
    {
        var id = IdOf(await CreateCardAsync());
        var expected = StoredVisa();
        expected["firstName"] = "Janet";
        expected["lastName"] = "Roe";
        expected["expiryYear"] = "2030";

        var (status, updated) = await UpdateAsync(id, new JsonObject { ["firstName"] = "Janet", ["lastName"] = "Roe", ["expiryYear"] = "2030" });
        var read = await GetAsync($"v1/paymentmethods/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        WholeAnswer.Equal(Recorded.VaultAnswer(expected, "UpdatePaymentMethod"), updated!["transaction"]);
        WholeAnswer.Equal(new JsonObject { ["paymentMethod"] = expected.DeepClone() }, read);
    }

    [Fact]
    public async Task Redact_and_recache_answer_eight_members()
    {
        var id = IdOf(await CreateCardAsync());
        var redactedCard = StoredVisa("Redacted");
        redactedCard["creditCardNumber"] = "";

        var (_, recached) = await SendAsync(HttpMethod.Put, $"v1/paymentmethods/{id}/recache",
            new JsonObject { ["paymentMethod"] = new JsonObject { ["creditCard"] = new JsonObject { ["cvv"] = "123" } } });
        var (_, redacted) = await SendAsync(HttpMethod.Put, $"v1/paymentmethods/{id}/redact");

        WholeAnswer.Equal(Recorded.VaultAnswer(StoredVisa(), "RecachePaymentMethod"), recached!["transaction"]);
        WholeAnswer.Equal(Recorded.VaultAnswer(redactedCard, "RedactPaymentMethod"), redacted!["transaction"]);
    }

    [Fact]
    public async Task A_refused_card_answers_eight_members_and_no_card()
    {
        var refused = await CreateAsync(new JsonObject { ["customerId"] = "cust-1", ["creditCard"] = Build.Card("4920") });

        WholeAnswer.Equal(
            Recorded.VaultAnswer(Recorded.UnresolvedCard("cust-1"), "CreatePaymentMethod", "50060", "The creditCardNumber has an invalid length."),
            refused);
    }
}

public sealed class Vault_refuses_nameless_gateway_stored_cards_and_blanked_names : VaultTest
{
    private static JsonObject GatewayStored(string firstName, string lastName) => new()
    {
        ["customerId"] = "cust-2",
        ["gatewayPaymentMethod"] = new JsonObject
        {
            ["gatewayPaymentMethodId"] = "cus_12345",
            ["merchantAccountReferenceId"] = "MID-1",
            ["firstSixDigits"] = "492020",
            ["lastFourDigits"] = "9560",
            ["expiryMonth"] = "07",
            ["expiryYear"] = "2030",
            ["firstName"] = firstName,
            ["lastName"] = lastName,
        },
    };

    [Fact]
    public async Task A_gateway_stored_card_without_names_is_50090()
    {
        var refused = await CreateAsync(GatewayStored("", ""));

        WholeAnswer.Equal(
            Recorded.VaultAnswer(Recorded.UnresolvedCard("cust-2"), "CreatePaymentMethod", "50090", "Either fullName or firstName and lastName are required."),
            refused);
    }

    [Fact]
    public async Task A_named_gateway_stored_card_is_stored_with_its_gateway_members()
    {
        var created = await CreateAsync(GatewayStored("Jane", "Sample"));

        var sent = (JsonObject)GatewayStored("Jane", "Sample")["gatewayPaymentMethod"]!;
        var expected = Recorded.GatewayStoredSnapshot(sent, "cust-2", fingerprint: WholeAnswer.AnyToken, cardType: "VISA", storageState: "Stored");
        expected["fullName"] = "Jane Sample";

        WholeAnswer.Equal(Recorded.VaultAnswer(expected, "CreatePaymentMethod"), created);
    }

    [Theory]
    [InlineData("lastName", "")]
    [InlineData("firstName", " ")]
    [InlineData("fullName", null)]
    public async Task An_update_that_would_blank_a_name_is_refused_and_changes_nothing(string name, string? blank)
    {
        var id = IdOf(await CreateCardAsync());
        var before = await GetAsync($"v1/paymentmethods/{id}");

        var (status, body) = await UpdateAsync(id, new JsonObject { [name] = blank, ["expiryYear"] = "2030" });
        var after = await GetAsync($"v1/paymentmethods/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["message"], body!.AsObject().Select(m => m.Key));
        Assert.Contains("no editable field", (string?)body["message"], StringComparison.OrdinalIgnoreCase);
        WholeAnswer.Equal(before!, after);
    }
}
