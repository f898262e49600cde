namespace FlexPay.Admin.Identity;

internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Signed in: {Email}")]
    public static partial void SignedIn(ILogger logger, string email);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Sign-in refused: account locked out or disabled ({Email})")]
    public static partial void LockedOut(ILogger logger, string email);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Sign-in failed for {Email} from {Address}")]
    public static partial void SignInFailed(ILogger logger, string email, string address);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Development administrator {Email} created from the Bootstrap settings")]
    public static partial void DevelopmentAdminSeeded(ILogger logger, string email);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "The development administrator {Email} could not be created: {Errors}")]
    public static partial void DevelopmentAdminRefused(ILogger logger, string email, string errors);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Bootstrap:AdminEmail is set outside Development and is ignored; create the first administrator with `create-admin`")]
    public static partial void BootstrapIgnored(ILogger logger);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "No user can sign in yet; create the first administrator with `dotnet run --project src/FlexPay.Admin -- create-admin <email>`")]
    public static partial void NoUsersYet(ILogger logger);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "{Actor} {Action} user {UserId}")]
    public static partial void UserChanged(ILogger logger, string actor, string action, string userId);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "{Actor} may not {Action}: the policy {Policy} is not met")]
    public static partial void ActionRefused(ILogger logger, string actor, string action, string policy);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, Message = "User administration failed: {Action}")]
    public static partial void UserAdministrationFailed(ILogger logger, Exception exception, string action);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "{Email} changed their password; their other sessions end")]
    public static partial void PasswordChanged(ILogger logger, string email);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Information, Message = "Password change refused for {Email}: {Reason}")]
    public static partial void PasswordChangeRefused(ILogger logger, string email, string reason);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, Message = "Sign-in for {Email} refused without checking: too many wrong passwords from {Address}")]
    public static partial void SignInThrottled(ILogger logger, string email, string address);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Information, Message = "{Email} {Change} two-factor sign-in")]
    public static partial void TwoFactorChanged(ILogger logger, string email, string change);
}
