namespace FlexPay.Admin.Identity.Users;

public enum UserStatus
{
    Active,

    /// <summary>Too many failed sign-ins; opens again by itself.</summary>
    LockedOut,

    /// <summary>Turned off by an administrator until turned on again.</summary>
    Disabled,
}

/// <summary>One line of the Users screen.</summary>
public sealed record UserRow(string Id, string Email, string Role, UserStatus Status, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

/// <summary>A user as the database query reads it, before the status is worked out at a given instant.</summary>
internal sealed class UserLine
{
    public string Id { get; init; } = "";

    public string? Email { get; init; }

    public string? NormalizedEmail { get; init; }

    public DateTimeOffset? LockoutEnd { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? Role { get; init; }

    public UserRow ToRow(DateTimeOffset now) =>
        new(Id, Email ?? "", Role ?? "", UserAdministration.StatusOf(LockoutEnd, now), LockoutEnd, CreatedAt);
}

/// <summary>What the grid asks for: a page, an optional search in the email, and a sort.</summary>
public sealed record UserQuery(int Page, int PageSize, string? Search = null, string? SortBy = null, bool Descending = false);

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total);

/// <summary>The outcome of a change, in words for the person who asked for it.</summary>
public sealed record UserChangeResult(bool Succeeded, string Message)
{
    public static UserChangeResult Done(string message) => new(true, message);

    public static UserChangeResult Refused(string message) => new(false, message);
}
