using System.Text;

namespace FlexPay.Admin.Identity;

/// <summary>
/// <c>dotnet run --project src/FlexPay.Admin -- create-admin &lt;email&gt;</c>: how the first administrator of a
/// Production install is made (no default account exists there). The password comes from the
/// <c>FLEXPAY_ADMIN_PASSWORD</c> environment variable, else from standard input, else from a prompt that
/// does not echo. The web server is not started.
/// </summary>
internal static class CreateAdminCommand
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "FLEXPAY_ADMIN_PASSWORD";

    /// <summary>Runs the command when <paramref name="args"/> asks for it; false when the app should start as usual.</summary>
    public static async Task<bool> TryRunAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return false;
        }
        // Anything after the email is configuration (--Storage:DataDirectory=...), already read by the host builder.
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"Usage: dotnet run --project src/FlexPay.Admin -- {Name} <email>   (password from ${PasswordVariable}, standard input or a prompt)");
            Environment.ExitCode = 2;
            return true;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? ReadPassword();
        Environment.ExitCode = await RunAsync(app.Services, args[1], password, Console.Out, CancellationToken.None);
        return true;
    }

    /// <summary>Migrates the Identity tables, then creates <paramref name="email"/> as an Admin. Returns the exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string email, string? password, TextWriter output, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("No password given; nothing was created.");
            return 1;
        }
        await using var scope = services.CreateAsyncScope();
        await IdentityStartup.PrepareAsync(scope.ServiceProvider, ct);
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        if (await accounts.FindAsync(email) is not null)
        {
            await output.WriteLineAsync($"{email} already has an account; change its role on the Users screen.");
            return 1;
        }
        var result = await accounts.CreateAsync(email, password, Roles.Admin);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync($"{email} was not created: {AdminAccounts.Describe(result)}");
            return 1;
        }
        await output.WriteLineAsync($"{email} is an administrator and can sign in at {IdentityRegistration.LoginPath}.");
        return 0;
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }
        var first = Prompt("Password for the new administrator: ");
        var second = Prompt("Repeat it: ");
        if (first != second)
        {
            Console.Error.WriteLine("The two passwords differ.");
            return null;
        }
        return first;
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        var typed = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
        Console.WriteLine();
        return typed.ToString();
    }
}
