using System.Security.Cryptography;
using System.Text;

namespace Certifications.Domain.Common;

/// <summary>Opaque, unguessable, URL-safe ids: a type prefix and 128 random bits in lowercase Crockford base32.</summary>
public static class Ids
{
    public const string Organization = "org";
    public const string User = "usr";
    public const string Group = "grp";
    public const string Certification = "crt";
    public const string Criterion = "cri";
    public const string Enrollment = "enr";
    public const string Certificate = "cer";
    public const string Evidence = "evd";
    public const string LiveSession = "ses";

    /// <summary>Length of the random part: 26 base32 characters carry 130 bits, enough for 128.</summary>
    public const int RandomLength = 26;

    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New(string prefix)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return prefix + "_" + Encode(bytes);
    }

    /// <summary>A stable id for seeded demo data, so a restarted dev host finds what it created before.</summary>
    public static string FromSeed(string prefix, string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(prefix + ":" + seed));
        return prefix + "_" + Encode(hash.AsSpan(0, 16));
    }

    public static bool IsWellFormed(string? id, string prefix) =>
        id is not null
        && id.Length == prefix.Length + 1 + RandomLength
        && id.StartsWith(prefix + "_", StringComparison.Ordinal)
        && id.AsSpan(prefix.Length + 1).IndexOfAnyExcept(Alphabet) < 0;

    /// <summary>The random part of a well-formed id.</summary>
    public static string RandomPart(string id) => id[^RandomLength..];

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var chars = new char[RandomLength];
        for (var i = RandomLength - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value % 32)];
            value /= 32;
        }

        return new string(chars);
    }
}
