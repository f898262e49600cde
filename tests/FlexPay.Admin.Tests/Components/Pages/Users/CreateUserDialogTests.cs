using Bunit;
using FlexPay.Admin.Components.Pages.Users;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Identity.Users;
using FlexPay.Core.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlexPay.Admin.Tests.Components.Pages.Users;

/// <summary>The "new user" dialog validates each field as the person types, with the form's FluentValidation rules.</summary>
public sealed class CreateUserDialogTests : ComponentTest
{
    public CreateUserDialogTests()
    {
        this.SignInAs(Roles.Admin);
        Services.AddSingleton<IValidator<NewUser>, NewUserValidator>();
        Services.AddDbContextFactory<AdminIdentityDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        Services.AddScoped<UserAdministration>();
        // The audit trail is resolved with the service; these tests never get as far as recording.
        Services.AddDbContextFactory<FlexPayDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        Services.AddAuditTrail();
    }

    [Fact]
    public async Task Invalid_fields_say_what_is_wrong_and_the_dialog_stays_open()
    {
        var dialogs = await OpenDialogAsync();

        dialogs.Find("input[type=email]").Input("jane");
        dialogs.Find("input[type=password]").Input("short");
        dialogs.Find("button[data-test=create]").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("This is not an email address.", dialogs.Markup, StringComparison.Ordinal);
            Assert.Contains("Use at least 12 characters.", dialogs.Markup, StringComparison.Ordinal);
        });
        Assert.NotNull(dialogs.Find("button[data-test=create]"));
    }

    [Fact]
    public async Task An_empty_form_asks_for_the_email_and_a_password()
    {
        var dialogs = await OpenDialogAsync();

        dialogs.Find("button[data-test=create]").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("Enter the person's email address.", dialogs.Markup, StringComparison.Ordinal);
            Assert.Contains("Choose an initial password.", dialogs.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_fixed_field_loses_its_error()
    {
        var dialogs = await OpenDialogAsync();
        dialogs.Find("input[type=email]").Input("jane");
        dialogs.WaitForAssertion(() => Assert.Contains("This is not an email address.", dialogs.Markup, StringComparison.Ordinal));

        dialogs.Find("input[type=email]").Input("jane@flexpay.test");

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("This is not an email address.", dialogs.Markup, StringComparison.Ordinal));
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenDialogAsync()
    {
        var provider = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => service.ShowAsync<CreateUserDialog>("New user"));
        provider.WaitForElement("button[data-test=create]");
        return provider;
    }
}
