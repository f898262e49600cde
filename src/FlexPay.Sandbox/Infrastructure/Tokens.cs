using System.Security.Cryptography;
using System.Text;

namespace FlexPay.Sandbox.Infrastructure;

/// <summary>FlexPay-looking ids: 26 upper-case base32 characters (flexpay-api.md §2.1.5, §5.2).</summary>
internal static class Tokens
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public const int Length = 26;

    /// <summary>130 random bits: collisions are not a practical concern.</summary>
    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>A stable token for a seed, so a company's built-in gateway keeps its token across restarts.</summary>
    public static string Derive(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[hash[i] % Alphabet.Length];
        }
        return new string(chars);
    }
}
