namespace FlexPay.Admin.Tests.Identity;

/// <summary>The console as installed in Production: the Bootstrap settings are present but must be ignored.</summary>
public sealed class ProductionAppFactory : ConsoleAppFactory
{
    protected override string EnvironmentName => "Production";
}
