using Autograder.Reference.Data;

namespace Autograder.Tools.DataGallery;

/// <summary>An RGB picture in memory with the few drawing operations the gallery needs.</summary>
internal sealed class Canvas(int width, int height)
{
    private readonly byte[] _pixels = CreateWhite(width * height * 3);

    public int Width { get; } = width;

    public int Height { get; } = height;

    public void Fill(int x, int y, int w, int h, (double R, double G, double B) colour)
    {
        for (var row = Math.Max(0, y); row < Math.Min(Height, y + h); row++)
        {
            for (var column = Math.Max(0, x); column < Math.Min(Width, x + w); column++)
            {
                Set(column, row, colour.R, colour.G, colour.B);
            }
        }
    }

    /// <summary>
    /// Draws a channel-major image (3 x h x w values in [0, 1]) at (x, y), each of its pixels
    /// enlarged to a square of <paramref name="scale"/> x <paramref name="scale"/>.
    /// </summary>
    public void DrawImage(ReadOnlySpan<float> image, int h, int w, int x, int y, int scale)
    {
        var plane = h * w;
        for (var row = 0; row < h * scale; row++)
        {
            for (var column = 0; column < w * scale; column++)
            {
                var i = ((row / scale) * w) + (column / scale);
                Set(x + column, y + row, image[i], image[plane + i], image[(2 * plane) + i]);
            }
        }
    }

    /// <summary>Draws a label map (h x w class indices) at (x, y) in the given class colours.</summary>
    public void DrawLabels(ReadOnlySpan<long> labels, int h, int w, int x, int y, int scale, IReadOnlyList<(double R, double G, double B)> colours)
    {
        for (var row = 0; row < h * scale; row++)
        {
            for (var column = 0; column < w * scale; column++)
            {
                var (r, g, b) = colours[(int)labels[((row / scale) * w) + (column / scale)]];
                Set(x + column, y + row, r, g, b);
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> in the 5x7 bitmap font, each font pixel a square of <paramref name="scale"/>.</summary>
    public void DrawText(string text, int x, int y, int scale, (double R, double G, double B) colour)
    {
        var width = BitmapFont.TextWidth(text);
        for (var row = 0; row < BitmapFont.Height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                if (BitmapFont.IsSet(text, column, row))
                {
                    Fill(x + (column * scale), y + (row * scale), scale, scale, colour);
                }
            }
        }
    }

    /// <summary>Writes the picture as a PNG file through ScottPlot's image type (SkiaSharp's encoder).</summary>
    public void SavePng(string path)
    {
        var rgb = new byte[Height, Width, 3];
        Buffer.BlockCopy(_pixels, 0, rgb, 0, _pixels.Length);
        using var image = new ScottPlot.Image(rgb);
        image.SavePng(path);
    }

    private void Set(int x, int y, double r, double g, double b)
    {
        if (x < 0 || x >= Width || y < 0 || y >= Height)
        {
            return;
        }

        var i = ((y * Width) + x) * 3;
        _pixels[i] = ToByte(r);
        _pixels[i + 1] = ToByte(g);
        _pixels[i + 2] = ToByte(b);
    }

    private static byte ToByte(double value) => (byte)Math.Round(Math.Clamp(value, 0, 1) * 255);

    private static byte[] CreateWhite(int length)
    {
        var pixels = new byte[length];
        Array.Fill(pixels, (byte)255);
        return pixels;
    }
}
