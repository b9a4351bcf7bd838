using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Certifications.DevHost.Demo;

/// <summary>The demo organization's logo, drawn as a PNG in code (a seal: navy disc, gold ring, white chevron), so the repo carries no image.</summary>
public static class DemoLogo
{
    public static byte[] Png(int size = 160)
    {
        var navy = (R: (byte)0x1F, G: (byte)0x3A, B: (byte)0x5F);
        var gold = (R: (byte)0xC9, G: (byte)0xA2, B: (byte)0x27);
        using var raw = new MemoryStream();
        var centre = (size - 1) / 2.0;
        for (var y = 0; y < size; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < size; x++)
            {
                var distance = Math.Sqrt(((x - centre) * (x - centre)) + ((y - centre) * (y - centre))) / (size / 2.0);
                var (dx, dy) = ((x - centre) / (size / 2.0), (y - centre) / (size / 2.0));
                var chevron = Math.Abs(Math.Abs(dx) * 0.9 - (dy + 0.15)) < 0.12 && dy > -0.45 && dy < 0.5;
                var (r, g, b) = distance > 1 ? ((byte)255, (byte)255, (byte)255)
                    : distance > 0.86 ? gold
                    : distance > 0.8 ? ((byte)255, (byte)255, (byte)255)
                    : chevron ? ((byte)255, (byte)255, (byte)255)
                    : navy;
                raw.Write([r, g, b]);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour RGB
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                raw.Position = 0;
                raw.CopyTo(zlib);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.HashToUInt32(typed));
        png.Write(word);
    }
}
