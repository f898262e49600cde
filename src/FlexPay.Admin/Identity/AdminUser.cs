using Microsoft.AspNetCore.Identity;

namespace FlexPay.Admin.Identity;

/// <summary>A person who signs in to the console. The user name is the email address.</summary>
public sealed class AdminUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Disabled accounts are locked out until the end of time (Identity's own lockout, so sign-in refuses them).</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public bool IsDisabled => LockoutEnd == DisabledUntil;
}
