namespace FlexPay.Admin.Identity.Users;

/// <summary>The "new user" form: bound by the dialog, checked by <see cref="NewUserValidator"/> there and again on the server.</summary>
public sealed class NewUser
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string Role { get; set; } = Roles.Viewer;
}
