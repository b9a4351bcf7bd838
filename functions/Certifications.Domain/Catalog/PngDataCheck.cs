using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Certifications.Domain.Catalog;

/// <summary>
/// Checks a PNG's image data before any decoder sees it: the IDAT chunks are inflated through a counter that stops
/// one byte past the size the header declares. A small file whose data inflates to gigabytes (a decompression bomb)
/// is refused after reading no more than the declared picture, in time and memory bounded by the pixel limit.
/// </summary>
public static class PngDataCheck
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Null when the data inflates to exactly what the header declares; otherwise why not, for a person to read.</summary>
    public static string? Problem(ReadOnlySpan<byte> png)
    {
        if (!png.StartsWith(Signature))
        {
            return "is not a PNG image.";
        }

        var header = Header(png);
        if (header is not { } ihdr || ExpectedBytes(ihdr) is not { } expected)
        {
            return "has a PNG header that cannot be read (size, bit depth or colour type).";
        }

        var data = ImageData(png);
        if (data is null)
        {
            return "is a damaged PNG: its chunks do not add up.";
        }

        try
        {
            using var inflater = new ZLibStream(new MemoryStream(data, writable: false), CompressionMode.Decompress);
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                long total = 0;
                int read;
                while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > expected)
                    {
                        return "holds more image data than its declared size (a decompression bomb?).";
                    }
                }

                return total < expected ? "is a damaged PNG: its image data ends early." : null;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (InvalidDataException)
        {
            return "is a damaged PNG: its image data cannot be inflated.";
        }
    }

    private readonly record struct PngHeader(int Width, int Height, byte BitDepth, byte ColorType, bool Interlaced);

    private static PngHeader? Header(ReadOnlySpan<byte> png)
    {
        if (png.Length < 33 || BinaryPrimitives.ReadInt32BigEndian(png[8..]) != 13 || !png[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(png[16..]), BinaryPrimitives.ReadInt32BigEndian(png[20..]));
        return width < 1 || height < 1 || png[26] != 0 || png[27] != 0 || png[28] > 1
            ? null
            : new PngHeader(width, height, png[24], png[25], png[28] == 1);
    }

    /// <summary>The size of the filtered scanlines the header declares (PNG spec §7.2, §8.2), or null for an invalid depth.</summary>
    private static long? ExpectedBytes(PngHeader header)
    {
        int? channels = header.ColorType switch
        {
            0 => 1,
            2 => 3,
            3 => 1,
            4 => 2,
            6 => 4,
            _ => null,
        };
        bool validDepth = header.ColorType switch
        {
            0 => header.BitDepth is 1 or 2 or 4 or 8 or 16,
            3 => header.BitDepth is 1 or 2 or 4 or 8,
            _ => header.BitDepth is 8 or 16,
        };
        if (channels is not { } n || !validDepth)
        {
            return null;
        }

        var bitsPerPixel = n * header.BitDepth;
        if (!header.Interlaced)
        {
            return Scanlines(header.Width, header.Height, bitsPerPixel);
        }

        // Adam7: seven reduced images, each with its own scanlines; an empty pass has none.
        ReadOnlySpan<(int X0, int Y0, int Dx, int Dy)> passes =
            [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        long total = 0;
        foreach (var (x0, y0, dx, dy) in passes)
        {
            var width = (header.Width - x0 + dx - 1) / dx;
            var height = (header.Height - y0 + dy - 1) / dy;
            if (width > 0 && height > 0)
            {
                total += Scanlines(width, height, bitsPerPixel);
            }
        }

        return total;
    }

    private static long Scanlines(long width, long height, int bitsPerPixel) => height * (1 + ((width * bitsPerPixel) + 7) / 8);

    /// <summary>The IDAT chunks' data joined, or null when a chunk runs past the end of the file or IEND is missing.</summary>
    private static byte[]? ImageData(ReadOnlySpan<byte> png)
    {
        using var data = new MemoryStream();
        var at = Signature.Length;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length > (uint)(png.Length - at - 12))
            {
                return null;
            }

            var type = png.Slice(at + 4, 4);
            if (type.SequenceEqual("IDAT"u8))
            {
                data.Write(png.Slice(at + 8, (int)length));
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                return data.Length > 0 ? data.ToArray() : null;
            }

            at += 12 + (int)length;
        }

        return null;
    }
}
