using FlexPay.Admin.Identity;
using FlexPay.Admin.Identity.Users;

namespace FlexPay.Admin.Tests.Identity.Users;

public sealed class NewUserValidatorTests
{
    private readonly NewUserValidator _validator = new();

    [Fact]
    public void A_complete_form_is_valid()
    {
        var result = _validator.Validate(new NewUser { Email = "jane@flexpay.test", Password = "Correct-Horse-2026!", Role = Roles.Finance });

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
    }

    [Theory]
    [InlineData("", "Enter the person's email address.")]
    [InlineData("jane", "This is not an email address.")]
    public void The_email_must_be_an_address(string email, string message) =>
        Assert.Equal([message], Errors(new NewUser { Email = email, Password = "Correct-Horse-2026!" }, nameof(NewUser.Email)));

    [Theory]
    [InlineData("Short-1!", "Use at least 12 characters.")]
    [InlineData("ALL-UPPER-2026!", "Add a lower-case letter.")]
    [InlineData("all-lower-2026!", "Add an upper-case letter.")]
    [InlineData("No-Digits-Here!", "Add a digit.")]
    [InlineData("NoSymbolsHere2026", "Add a symbol such as ! or #.")]
    public void The_password_follows_identitys_rules(string password, string message) =>
        Assert.Equal([message], Errors(new NewUser { Email = "jane@flexpay.test", Password = password }, nameof(NewUser.Password)));

    [Theory]
    [InlineData("")]
    [InlineData("Superuser")]
    [InlineData("admin")]
    public void The_role_is_one_of_the_three(string role) =>
        Assert.Equal(["Pick a role."], Errors(new NewUser { Email = "jane@flexpay.test", Password = "Correct-Horse-2026!", Role = role }, nameof(NewUser.Role)));

    private string[] Errors(NewUser user, string property) =>
        [.. _validator.Validate(user).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage)];
}
