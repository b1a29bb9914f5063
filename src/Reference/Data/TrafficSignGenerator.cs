using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace Autograder.Reference.Data;

/// <summary>The classes of <see cref="TrafficSignGenerator"/>, in label order.</summary>
public enum TrafficSign
{
    /// <summary>Red ring, white disc, black "30".</summary>
    SpeedLimit30,

    /// <summary>Red ring, white disc, black "50": the same sign as 30 but for its digits.</summary>
    SpeedLimit50,

    /// <summary>Red ring, white disc, black "70".</summary>
    SpeedLimit70,

    /// <summary>Red ring, white disc, black "100" (three narrower digits).</summary>
    SpeedLimit100,

    /// <summary>Red octagon with a white rim and white "STOP".</summary>
    Stop,

    /// <summary>Triangle pointing down, red border, white inside.</summary>
    Yield,

    /// <summary>Red disc with a white horizontal bar.</summary>
    NoEntry,

    /// <summary>Blue disc with a white arrow pointing left.</summary>
    TurnLeft,

    /// <summary>Blue disc with a white arrow pointing right.</summary>
    TurnRight,

    /// <summary>Blue disc with a white arrow pointing up.</summary>
    AheadOnly,

    /// <summary>Yellow diamond with a white rim and a dark edge.</summary>
    PriorityRoad,

    /// <summary>Triangle pointing up, red border, white inside, black exclamation mark.</summary>
    GeneralCaution,
}

/// <summary>
/// Seeded 32x32 colour images of traffic signs (exercise 09). Twelve classes that differ by shape,
/// colour and glyph; the four speed limits differ only by their digits. Each image draws a random
/// background (a colour gradient with random shapes as clutter), then the sign rotated by up to
/// 15 degrees, scaled, shifted and anti-aliased, then changes brightness and colour balance and
/// adds Gaussian noise. The same seed gives the same images on every machine; different seeds
/// give different images, so a seed never shown in training makes a held-out set.
/// </summary>
public static class TrafficSignGenerator
{
    /// <summary>Height and width of every image.</summary>
    public const int Size = 32;

    /// <summary>Number of classes (labels run from 0 to ClassCount - 1, as in <see cref="TrafficSign"/>).</summary>
    public const int ClassCount = 12;

    private const int Pixels = Size * Size;
    private const double MaxRotation = 15 * Math.PI / 180;

    /// <summary>Short names of the classes, in label order, for reports and pictures.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["30", "50", "70", "100", "stop", "yield", "no entry", "left", "right", "ahead", "priority", "caution"];

    /// <summary>
    /// <paramref name="count"/> images with balanced labels in random order: images [N, 3, 32, 32]
    /// float32 in [0, 1] and labels [N] int64, on <paramref name="device"/> (the CPU when null).
    /// </summary>
    public static LabelledImages Generate(int count, int seed, Device? device = null)
    {
        var (pixels, labels) = GeneratePixels(count, seed);
        var images = torch.tensor(pixels, [count, 3, Size, Size]);
        var labelTensor = torch.tensor(Array.ConvertAll(labels, label => (long)label), [count]);
        if (device is not null && device.type != DeviceType.CPU)
        {
            return new LabelledImages(MoveTo(images, device), MoveTo(labelTensor, device));
        }

        return new LabelledImages(images, labelTensor);
    }

    /// <summary>
    /// The same data as <see cref="Generate"/> as plain arrays: pixels image after image, each
    /// channel-major (3 x 32 x 32 values), and one label per image.
    /// </summary>
    public static (float[] Pixels, int[] Labels) GeneratePixels(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new SeededRandom(seed);
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % ClassCount;
        }

        random.Shuffle(labels);
        var pixels = new float[count * 3 * Pixels];
        for (var i = 0; i < count; i++)
        {
            Render((TrafficSign)labels[i], random, pixels.AsSpan(i * 3 * Pixels, 3 * Pixels));
        }

        return (pixels, labels);
    }

    /// <summary>
    /// Draws one image of <paramref name="sign"/> into <paramref name="target"/> (3 x 32 x 32
    /// values, channel-major), taking every random choice from <paramref name="random"/>.
    /// </summary>
    public static void Render(TrafficSign sign, SeededRandom random, Span<float> target)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (target.Length != 3 * Pixels)
        {
            throw new ArgumentException($"target must hold 3 x {Size} x {Size} values.", nameof(target));
        }

        Span<double> rgb = stackalloc double[3 * Pixels];
        DrawBackground(random, rgb);
        DrawSign(sign, random, rgb);
        var brightness = random.Uniform(0.55, 1.3);
        Span<double> cast = [random.Uniform(0.9, 1.1), random.Uniform(0.9, 1.1), random.Uniform(0.9, 1.1)];
        var shadeAngle = random.Uniform(0, 2 * Math.PI);
        var shade = random.Uniform(0, 0.25);
        var noise = random.Uniform(0.01, 0.06);
        var noiseState = (uint)random.NextInt(int.MaxValue) | 1u;
        var (shadeCos, shadeSin) = (Math.Cos(shadeAngle) / Size, Math.Sin(shadeAngle) / Size);
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                // A soft linear shadow across the image, as from a tree or a building.
                var along = ((x - 15.5) * shadeCos) + ((y - 15.5) * shadeSin);
                var light = brightness * (1 - (shade * (along + 0.5)));
                for (var c = 0; c < 3; c++)
                {
                    var i = (c * Pixels) + (y * Size) + x;
                    var value = (rgb[i] * light * cast[c]) + (noise * NextNoise(ref noiseState));
                    target[i] = (float)Math.Clamp(value, 0, 1);
                }
            }
        }
    }

    /// <summary>
    /// Pixel noise with mean 0 and standard deviation 1, close to Gaussian: the sum of the four
    /// bytes of a xorshift32 draw (Irwin-Hall), centred and scaled. Far cheaper than Box-Muller for
    /// the 3072 values of every image, and the same on every machine.
    /// </summary>
    private static double NextNoise(ref uint state)
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        var sum = (int)(state & 0xFF) + (int)((state >> 8) & 0xFF) + (int)((state >> 16) & 0xFF) + (int)(state >> 24);
        return (sum - 510) / 147.8;
    }

    private static Tensor MoveTo(Tensor tensor, Device device)
    {
        var moved = tensor.to(device);
        tensor.Dispose();
        return moved;
    }

    private static void DrawBackground(SeededRandom random, Span<double> rgb)
    {
        Span<double> from = [random.Uniform(0.1, 0.9), random.Uniform(0.1, 0.9), random.Uniform(0.1, 0.9)];
        Span<double> to = [random.Uniform(0.1, 0.9), random.Uniform(0.1, 0.9), random.Uniform(0.1, 0.9)];
        var angle = random.Uniform(0, 2 * Math.PI);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var t = Math.Clamp(((((x - 15.5) * cos) + ((y - 15.5) * sin)) / Size) + 0.5, 0, 1);
                for (var c = 0; c < 3; c++)
                {
                    rgb[(c * Pixels) + (y * Size) + x] = from[c] + ((to[c] - from[c]) * t);
                }
            }
        }

        // Clutter: rectangles, discs and bars in any colour, red and blue included, so that colour
        // alone never gives a sign away.
        var shapes = 2 + random.NextInt(5);
        Span<double> colour = stackalloc double[3];
        for (var s = 0; s < shapes; s++)
        {
            var kind = random.NextInt(3);
            colour[0] = random.NextDouble();
            colour[1] = random.NextDouble();
            colour[2] = random.NextDouble();
            var (ax, ay) = (random.Uniform(-4, Size + 4), random.Uniform(-4, Size + 4));
            var (bx, by) = (random.Uniform(-4, Size + 4), random.Uniform(-4, Size + 4));
            var size = random.Uniform(1.5, 7);
            // Only the shape's bounding box can change.
            var reach = kind == 1 ? size : kind == 2 ? size / 3 : 0;
            var (left, right) = (Bound(Math.Min(ax, bx) - reach), Bound(Math.Max(ax, bx) + reach));
            var (top, bottom) = (Bound(Math.Min(ay, by) - reach), Bound(Math.Max(ay, by) + reach));
            if (kind == 1)
            {
                (left, right, top, bottom) = (Bound(ax - size), Bound(ax + size), Bound(ay - size), Bound(ay + size));
            }

            for (var y = top; y <= bottom; y++)
            {
                for (var x = left; x <= right; x++)
                {
                    var (px, py) = (x + 0.5, y + 0.5);
                    var inside = kind switch
                    {
                        0 => px >= Math.Min(ax, bx) && px <= Math.Max(ax, bx) && py >= Math.Min(ay, by) && py <= Math.Max(ay, by)
                            && Math.Abs(ax - bx) < 14 && Math.Abs(ay - by) < 14,
                        1 => ((px - ax) * (px - ax)) + ((py - ay) * (py - ay)) <= size * size,
                        _ => SegmentDistance(px, py, ax, ay, bx, by) <= size / 3,
                    };
                    if (inside)
                    {
                        for (var c = 0; c < 3; c++)
                        {
                            rgb[(c * Pixels) + (y * Size) + x] = colour[c];
                        }
                    }
                }
            }
        }
    }

    private static int Bound(double coordinate) => Math.Clamp((int)Math.Floor(coordinate), 0, Size - 1);

    private static double SegmentDistance(double px, double py, double ax, double ay, double bx, double by)
    {
        var (dx, dy) = (bx - ax, by - ay);
        var length = (dx * dx) + (dy * dy);
        var t = length == 0 ? 0 : Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / length, 0, 1);
        var (qx, qy) = (ax + (t * dx) - px, ay + (t * dy) - py);
        return Math.Sqrt((qx * qx) + (qy * qy));
    }

    private static void DrawSign(TrafficSign sign, SeededRandom random, Span<double> rgb)
    {
        var centreX = (Size / 2.0) + random.Uniform(-2.5, 2.5);
        var centreY = (Size / 2.0) + random.Uniform(-2.5, 2.5);
        var radius = random.Uniform(10.5, 15);
        var angle = random.Uniform(-MaxRotation, MaxRotation);
        // Old signs fade towards grey.
        var fade = random.Uniform(0, 0.25);
        Span<double> palette = stackalloc double[Palette.Length];
        for (var i = 0; i < Palette.Length; i++)
        {
            palette[i] = Palette[i] + ((0.6 - Palette[i]) * fade);
        }

        // Pixel steps in the sign's frame: (u, v) = R(-angle) (p - centre) / radius.
        var (cos, sin) = (Math.Cos(angle) / radius, Math.Sin(angle) / radius);
        var text = TextFor(sign);
        var reach = (int)Math.Ceiling(radius * 1.15) + 1;
        var (x0, x1) = (Math.Max(0, (int)centreX - reach), Math.Min(Size - 1, (int)centreX + reach));
        var (y0, y1) = (Math.Max(0, (int)centreY - reach), Math.Min(Size - 1, (int)centreY + reach));
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                // 2x2 supersampling: the share of samples inside the sign is its coverage.
                double r = 0, g = 0, b = 0;
                var covered = 0;
                for (var sample = 0; sample < 4; sample++)
                {
                    var dx = x + 0.25 + (0.5 * (sample & 1)) - centreX;
                    var dy = y + 0.25 + (0.5 * (sample >> 1)) - centreY;
                    var ink = Paint(sign, (cos * dx) + (sin * dy), (cos * dy) - (sin * dx), text);
                    if (ink != None)
                    {
                        r += palette[3 * ink];
                        g += palette[(3 * ink) + 1];
                        b += palette[(3 * ink) + 2];
                        covered++;
                    }
                }

                if (covered > 0)
                {
                    // The sign's colours are premultiplied by coverage: blend over the background.
                    var keep = 1 - (covered / 4.0);
                    var pixel = (y * Size) + x;
                    rgb[pixel] = (rgb[pixel] * keep) + (r / 4);
                    rgb[Pixels + pixel] = (rgb[Pixels + pixel] * keep) + (g / 4);
                    rgb[(2 * Pixels) + pixel] = (rgb[(2 * Pixels) + pixel] * keep) + (b / 4);
                }
            }
        }
    }

    // Bold digits fill the white disc (radius 0.8) as on real signs: cells are taller than wide.
    private static readonly Glyphs Speed30 = new("30", 0.1, 0.14, bold: true);
    private static readonly Glyphs Speed50 = new("50", 0.1, 0.14, bold: true);
    private static readonly Glyphs Speed70 = new("70", 0.1, 0.14, bold: true);
    private static readonly Glyphs Speed100 = new("100", 1.32 / 18, 0.14, bold: true);
    private static readonly Glyphs StopText = new("STOP", 0.07, 0.08, bold: false);

    private static Glyphs? TextFor(TrafficSign sign) => sign switch
    {
        TrafficSign.SpeedLimit30 => Speed30,
        TrafficSign.SpeedLimit50 => Speed50,
        TrafficSign.SpeedLimit70 => Speed70,
        TrafficSign.SpeedLimit100 => Speed100,
        TrafficSign.Stop => StopText,
        _ => null,
    };

    /// <summary>A line of text as a grid of set cells of the given size, centred on the sign.</summary>
    private sealed class Glyphs
    {
        private readonly bool[] _set;
        private readonly int _width;
        private readonly double _inverseCellWidth;
        private readonly double _inverseCellHeight;

        public Glyphs(string text, double cellWidth, double cellHeight, bool bold)
        {
            // Bold glyphs are one column wider: each set cell also sets the cell to its right.
            var extra = bold ? 1 : 0;
            _width = BitmapFont.TextWidth(text) + (extra * text.Length);
            _inverseCellWidth = 1 / cellWidth;
            _inverseCellHeight = 1 / cellHeight;
            _set = new bool[_width * BitmapFont.Height];
            var left = 0;
            foreach (var c in text)
            {
                var glyph = c.ToString();
                var glyphWidth = BitmapFont.Width(c);
                for (var row = 0; row < BitmapFont.Height; row++)
                {
                    for (var column = 0; column < glyphWidth + extra; column++)
                    {
                        _set[(row * _width) + left + column] =
                            BitmapFont.IsSet(glyph, column, row) || (bold && BitmapFont.IsSet(glyph, column - 1, row));
                    }
                }

                left += glyphWidth + extra + BitmapFont.Spacing;
            }
        }

        public bool Contains(double u, double v)
        {
            var column = (u * _inverseCellWidth) + (_width / 2.0);
            var row = (v * _inverseCellHeight) + (BitmapFont.Height / 2.0);
            return column >= 0 && column < _width && row >= 0 && row < BitmapFont.Height
                && _set[((int)row * _width) + (int)column];
        }
    }

    // Inks: indices into Palette (red, green, blue triples).
    private const int None = -1;
    private const int Red = 0;
    private const int White = 1;
    private const int Black = 2;
    private const int Blue = 3;
    private const int Yellow = 4;

    private static readonly double[] Palette =
    [
        0.80, 0.08, 0.10,
        0.95, 0.95, 0.95,
        0.08, 0.08, 0.08,
        0.10, 0.30, 0.75,
        0.98, 0.80, 0.10,
    ];

    /// <summary>
    /// The sign's ink at (u, v) in its own frame: the unit disc around the centre, v pointing
    /// down; <see cref="None"/> outside the sign.
    /// </summary>
    private static int Paint(TrafficSign sign, double u, double v, Glyphs? text)
    {
        var disc = (u * u) + (v * v);
        switch (sign)
        {
            case TrafficSign.SpeedLimit30:
            case TrafficSign.SpeedLimit50:
            case TrafficSign.SpeedLimit70:
            case TrafficSign.SpeedLimit100:
                return disc > 1 ? None : disc > 0.8 * 0.8 ? Red : text!.Contains(u, v) ? Black : White;
            case TrafficSign.Stop:
                var octagon = Math.Max(Math.Max(Math.Abs(u), Math.Abs(v)), (Math.Abs(u) + Math.Abs(v)) * 0.70710678);
                return octagon > 0.95 ? None : octagon > 0.86 || text!.Contains(u, v) ? White : Red;
            case TrafficSign.Yield:
                var down = Triangle(u, v + 0.15, 1);
                return down > 0 ? None : down > -0.2 ? Red : White;
            case TrafficSign.GeneralCaution:
                var up = Triangle(u, v - 0.15, -1);
                if (up > 0)
                {
                    return None;
                }

                var mark = Math.Abs(u) < 0.075 && ((v > -0.38 && v < 0.2) || (v > 0.3 && v < 0.43));
                return up > -0.2 ? Red : mark ? Black : White;
            case TrafficSign.NoEntry:
                return disc > 1 ? None : Math.Abs(u) < 0.62 && Math.Abs(v) < 0.17 ? White : Red;
            case TrafficSign.TurnLeft:
                return disc > 1 ? None : Arrow(v, u) ? White : Blue;
            case TrafficSign.TurnRight:
                return disc > 1 ? None : Arrow(v, -u) ? White : Blue;
            case TrafficSign.AheadOnly:
                return disc > 1 ? None : Arrow(u, v) ? White : Blue;
            case TrafficSign.PriorityRoad:
                var diamond = Math.Abs(u) + Math.Abs(v);
                return diamond > 1 ? None : diamond > 0.93 ? Black : diamond > 0.68 ? White : Yellow;
            default:
                throw new ArgumentOutOfRangeException(nameof(sign), sign, "not a traffic sign");
        }
    }

    /// <summary>
    /// The arrow pointing up (towards -b), in a frame (a, b) that the callers turn so that it
    /// points left or right.
    /// </summary>
    private static bool Arrow(double a, double b) =>
        (Math.Abs(a) < 0.14 && b > -0.15 && b < 0.68) || (b > -0.68 && b < -0.1 && Math.Abs(a) < (b + 0.68) * 0.9);

    /// <summary>
    /// For an equilateral triangle with inradius 0.55 around the origin, pointing down when
    /// <paramref name="flip"/> is 1 and up when it is -1: the signed distance from its nearest
    /// edge, negative inside.
    /// </summary>
    private static double Triangle(double u, double v, double flip)
    {
        const double Inradius = 0.55;
        var top = -v * flip;
        var right = (0.8660254 * u) + (0.5 * v * flip);
        var left = (-0.8660254 * u) + (0.5 * v * flip);
        return Math.Max(top, Math.Max(right, left)) - Inradius;
    }
}
