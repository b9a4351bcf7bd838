using System.Buffers.Binary;

namespace Certifications.Domain.Catalog;

/// <summary>
/// The pixel size a PNG or JPEG declares in its header, read before anything decodes it: a 1 MB file can declare
/// a picture of gigabytes (a decompression bomb), so the size is checked first.
/// </summary>
public static class ImageSize
{
    /// <summary>(width, height), or null when the header does not say.</summary>
    public static (int Width, int Height)? Of(ReadOnlySpan<byte> image) => image switch
    {
        // PNG: the signature, then the IHDR chunk (length, "IHDR", width, height; big-endian).
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, _, _, _, _, (byte)'I', (byte)'H', (byte)'D', (byte)'R', ..] when image.Length >= 24 =>
            (BinaryPrimitives.ReadInt32BigEndian(image[16..]), BinaryPrimitives.ReadInt32BigEndian(image[20..])),
        [0xFF, 0xD8, ..] => Jpeg(image),
        _ => null,
    };

    /// <summary>The first start-of-frame segment's height and width (markers C0–CF, except DHT, JPG and DAC).</summary>
    private static (int Width, int Height)? Jpeg(ReadOnlySpan<byte> image)
    {
        var at = 2;
        while (at + 9 < image.Length)
        {
            if (image[at] != 0xFF)
            {
                return null;
            }

            var marker = image[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(image[(at + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(image[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(image[(at + 5)..]));
            }

            if (marker is 0xD9 or 0xDA || length < 2)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }
}
