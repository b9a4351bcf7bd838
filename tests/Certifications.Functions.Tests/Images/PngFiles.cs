using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Certifications.Functions.Tests.Images;

/// <summary>PNG files of any kind the format allows (and some it does not), written byte by byte for the image tests.</summary>
internal static class PngFiles
{
    /// <summary>A valid PNG whose scanlines are all zero (a black or transparent picture) of the given kind.</summary>
    public static byte[] Blank(int width, int height, byte bitDepth = 8, byte colorType = 2, bool interlaced = false) =>
        Png(width, height, bitDepth, colorType, interlaced, DeclaredBytes(width, height, bitDepth, colorType, interlaced));

    /// <summary>A PNG whose image data inflates to <paramref name="inflatedBytes"/> zeros, whatever its header declares.</summary>
    public static byte[] Png(int width, int height, byte bitDepth, byte colorType, bool interlaced, long inflatedBytes)
    {
        using var compressed = new MemoryStream();
        using (var deflate = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var left = inflatedBytes; left > 0; left -= zeros.Length)
            {
                deflate.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
            }
        }

        return WithData(width, height, bitDepth, colorType, interlaced, compressed.ToArray());
    }

    /// <summary>A PNG with the given (already compressed, or deliberately broken) IDAT data.</summary>
    public static byte[] WithData(int width, int height, byte bitDepth, byte colorType, bool interlaced, byte[] idat)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colorType;
        header[12] = interlaced ? (byte)1 : (byte)0;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>What the header's picture is as filtered scanlines (PNG spec §7.2, §8.2).</summary>
    public static long DeclaredBytes(int width, int height, byte bitDepth, byte colorType, bool interlaced)
    {
        var bits = bitDepth * colorType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };
        long Lines(long w, long h) => w > 0 && h > 0 ? h * (1 + ((w * bits) + 7) / 8) : 0;
        if (!interlaced)
        {
            return Lines(width, height);
        }

        (int, int, int, int)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        return passes.Sum(p => Lines((width - p.Item1 + p.Item3 - 1) / p.Item3, (height - p.Item2 + p.Item4 - 1) / p.Item4));
    }

    /// <summary>The header fields of a PNG: what the stored image is.</summary>
    public static (int Width, int Height, byte BitDepth, byte ColorType, bool Interlaced) Header(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[24], png[25], png[28] == 1);

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typed));
        png.Write(crc);
    }
}
