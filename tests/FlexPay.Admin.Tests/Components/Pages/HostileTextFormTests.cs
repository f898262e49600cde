using FlexPay.Admin.Components.Pages.Gateways;
using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Identity.Users;
using FlexPay.Core.Money;

namespace FlexPay.Admin.Tests.Components.Pages;

/// <summary>The screens' forms refuse what the REST API refuses, by Core's same rules, each on its own field.</summary>
public sealed class HostileTextFormTests
{
    public static TheoryData<string> Hidden => ["Good\u202Ewill", "Good\u200Bwill", "\u2066Goodwill\u2069", "Goodwill\u0007", "Goodwill\uFEFF"];

    [Theory]
    [MemberData(nameof(Hidden))]
    public void The_refund_and_cancel_forms_refuse_a_reason_with_hidden_characters(string reason)
    {
        var refund = new RefundFormValidator().Validate(new RefundForm(new MoneyAmount(1000, "USD")) { Amount = "5.00", Reason = reason });
        var cancel = new CancelFormValidator().Validate(new CancelForm { Reason = reason });

        Assert.Equal([nameof(RefundForm.Reason)], refund.Errors.Select(e => e.PropertyName).Distinct());
        Assert.Equal([nameof(CancelForm.Reason)], cancel.Errors.Select(e => e.PropertyName).Distinct());
    }

    [Fact]
    public void The_refund_form_keeps_reasons_to_500_characters()
    {
        var form = new RefundForm(new MoneyAmount(1000, "USD")) { Amount = "5.00", Reason = new string('r', 501) };

        Assert.Equal([nameof(RefundForm.Reason)], new RefundFormValidator().Validate(form).Errors.Select(e => e.PropertyName));
        Assert.True(new RefundFormValidator().Validate(new RefundForm(new MoneyAmount(1000, "USD")) { Amount = "5.00", Reason = new string('r', 500) }).IsValid);
    }

    [Theory]
    [MemberData(nameof(Hidden))]
    public void The_gateway_dialog_refuses_a_name_with_hidden_characters_on_the_name_field(string name)
    {
        var form = new GatewayForm { Draft = new() { Name = name, Company = "default", GatewayType = "nmi", CurrencyCode = "USD" } };
        form.ShapeCredentialsFor("nmi");
        form.Credentials[0].Value = "s3cret";

        var errors = new GatewayFormValidator(new Gateways.GatewayScreenTest.FakeAccounts()).Validate(form).Errors;

        Assert.Equal(["Draft.Name"], errors.Select(e => e.PropertyName).Distinct());
    }

    [Theory]
    [MemberData(nameof(Hidden))]
    public void The_new_user_form_refuses_an_email_with_hidden_characters(string text)
    {
        var user = new NewUser { Email = $"jane.{text.Replace("Goodwill", "doe", StringComparison.Ordinal)}@flexpay.test", Password = "Correct-Horse-2026!", Role = Roles.Viewer };

        var error = Assert.Single(new NewUserValidator().Validate(user).Errors);
        Assert.Equal(nameof(NewUser.Email), error.PropertyName);
        Assert.Contains("zero-width", error.ErrorMessage, StringComparison.Ordinal);
    }
}
