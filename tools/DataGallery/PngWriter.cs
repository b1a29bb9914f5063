using System.IO.Compression;

namespace Autograder.Tools.DataGallery;

/// <summary>
/// Writes 8-bit RGB PNG files with nothing but the BCL: zlib from System.IO.Compression and a
/// CRC-32 of our own. Each row gets the PNG filter that makes it smallest, which matters for
/// pictures made of enlarged pixels (the Up and Sub filters turn repeats into zeros).
/// </summary>
internal static class PngWriter
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static void Write(string path, Canvas canvas)
    {
        using var file = File.Create(path);
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)canvas.Width);
        WriteBigEndian(header, 4, (uint)canvas.Height);
        header[8] = 8; // bits per channel
        header[9] = 2; // colour type: RGB
        WriteChunk(file, "IHDR", header);
        WriteChunk(file, "IDAT", Compress(canvas));
        WriteChunk(file, "IEND", []);
    }

    private static byte[] Compress(Canvas canvas)
    {
        var stride = canvas.Width * 3;
        var previous = new byte[stride];
        var current = new byte[stride];
        var candidate = new byte[stride];
        var best = new byte[stride];
        using var memory = new MemoryStream();
        using (var zlib = new ZLibStream(memory, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < canvas.Height; y++)
            {
                canvas.CopyRow(y, current);
                var bestFilter = 0;
                var bestCost = long.MaxValue;
                for (var filter = 0; filter < 5; filter++)
                {
                    Filter(filter, current, previous, candidate);
                    var cost = 0L;
                    foreach (var b in candidate)
                    {
                        cost += Math.Abs((int)(sbyte)b);
                    }

                    if (cost < bestCost)
                    {
                        (bestCost, bestFilter) = (cost, filter);
                        candidate.CopyTo(best, 0);
                    }
                }

                zlib.WriteByte((byte)bestFilter);
                zlib.Write(best);
                (previous, current) = (current, previous);
            }
        }

        return memory.ToArray();
    }

    /// <summary>The five PNG filters (none, Sub, Up, Average, Paeth) with 3 bytes per pixel.</summary>
    private static void Filter(int filter, byte[] row, byte[] above, byte[] output)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= 3 ? row[i - 3] : 0;
            int up = above[i];
            int upLeft = i >= 3 ? above[i - 3] : 0;
            var predicted = filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                _ => Paeth(left, up, upLeft),
            };
            output[i] = (byte)(row[i] - predicted);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        stream.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        var crc = Crc(Crc(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        var crcBytes = new byte[4];
        WriteBigEndian(crcBytes, 0, crc);
        stream.Write(crcBytes);
    }

    private static uint Crc(uint crc, byte[] data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}
