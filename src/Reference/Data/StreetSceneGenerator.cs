using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace Autograder.Reference.Data;

/// <summary>The per-pixel classes of <see cref="StreetSceneGenerator"/>, in label order.</summary>
public enum StreetClass
{
    /// <summary>Sky above the horizon: clear, overcast or at dusk.</summary>
    Sky,

    /// <summary>Building blocks standing on the horizon, with their windows.</summary>
    Building,

    /// <summary>The road below the horizon, with its lane markings and pavement.</summary>
    Road,

    /// <summary>Cars on the road, with their windows and wheels; nearer cars are larger.</summary>
    Car,

    /// <summary>Thin vertical poles (street lights, sign posts) from the road upwards.</summary>
    Pole,
}

/// <summary>
/// Seeded street-like scenes with a label for every pixel (exercise 10): sky, building blocks
/// standing on a horizon, a road with lane markings, cars that grow larger towards the bottom, and
/// thin poles. Colours, sizes and positions vary from scene to scene, with brightness changes and
/// Gaussian noise on top. The same seed gives the same scenes on every machine.
/// </summary>
public static class StreetSceneGenerator
{
    /// <summary>Height and width of the default scene.</summary>
    public const int DefaultSize = 32;

    /// <summary>Number of classes (labels run from 0 to ClassCount - 1, as in <see cref="StreetClass"/>).</summary>
    public const int ClassCount = 5;

    /// <summary>Short names of the classes, in label order, for reports and pictures.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["sky", "building", "road", "car", "pole"];

    /// <summary>
    /// A colour for each class, in label order (red, green, blue in [0, 1]), for pictures of label maps.
    /// </summary>
    public static IReadOnlyList<(double R, double G, double B)> ClassColours { get; } =
    [
        (0.45, 0.70, 1.00),
        (0.55, 0.35, 0.20),
        (0.35, 0.35, 0.40),
        (0.95, 0.15, 0.15),
        (1.00, 0.85, 0.10),
    ];

    /// <summary>
    /// <paramref name="count"/> scenes of <paramref name="height"/> x <paramref name="width"/>
    /// pixels: images [N, 3, H, W] float32 in [0, 1] and labels [N, H, W] int64, on
    /// <paramref name="device"/> (the CPU when null).
    /// </summary>
    public static LabelledImages Generate(int count, int seed, int height = DefaultSize, int width = DefaultSize, Device? device = null)
    {
        var (pixels, labels) = GeneratePixels(count, seed, height, width);
        var images = torch.tensor(pixels, [count, 3, height, width]);
        var labelTensor = torch.tensor(labels, [count, height, width]);
        if (device is not null && device.type != DeviceType.CPU)
        {
            var (movedImages, movedLabels) = (images.to(device), labelTensor.to(device));
            images.Dispose();
            labelTensor.Dispose();
            return new LabelledImages(movedImages, movedLabels);
        }

        return new LabelledImages(images, labelTensor);
    }

    /// <summary>
    /// The same data as <see cref="Generate"/> as plain arrays: pixels scene after scene, each
    /// channel-major (3 x H x W values), and labels scene after scene, row-major (H x W values).
    /// </summary>
    public static (float[] Pixels, long[] Labels) GeneratePixels(int count, int seed, int height = DefaultSize, int width = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 8);
        var random = new SeededRandom(seed);
        var area = height * width;
        var pixels = new float[count * 3 * area];
        var labels = new long[count * area];
        for (var i = 0; i < count; i++)
        {
            new Scene(random, height, width).Render(pixels.AsSpan(i * 3 * area, 3 * area), labels.AsSpan(i * area, area));
        }

        return (pixels, labels);
    }

    private sealed class Scene(SeededRandom random, int height, int width)
    {
        private readonly double[] _rgb = new double[3 * height * width];
        private readonly long[] _label = new long[height * width];

        public void Render(Span<float> pixels, Span<long> labels)
        {
            var horizon = (int)Math.Round(height * random.Uniform(0.42, 0.6));
            DrawSky(horizon);
            DrawBuildings(horizon);
            DrawRoad(horizon);
            DrawObjects(horizon);

            var brightness = random.Uniform(0.75, 1.15);
            var noise = random.Uniform(0.01, 0.03);
            for (var i = 0; i < _rgb.Length; i++)
            {
                pixels[i] = (float)Math.Clamp((_rgb[i] * brightness) + random.Gaussian(0, noise), 0, 1);
            }

            _label.CopyTo(labels);
        }

        private void Set(int x, int y, StreetClass label, double r, double g, double b)
        {
            if (x < 0 || x >= width || y < 0 || y >= height)
            {
                return;
            }

            var i = (y * width) + x;
            _rgb[i] = r;
            _rgb[(height * width) + i] = g;
            _rgb[(2 * height * width) + i] = b;
            _label[i] = (long)label;
        }

        private void Fill(int x0, int y0, int x1, int y1, StreetClass label, double r, double g, double b)
        {
            for (var y = y0; y < y1; y++)
            {
                for (var x = x0; x < x1; x++)
                {
                    Set(x, y, label, r, g, b);
                }
            }
        }

        private double Jitter(double value, double amount = 0.06) => Math.Clamp(value + random.Uniform(-amount, amount), 0, 1);

        private void DrawSky(int horizon)
        {
            (double R, double G, double B)[] skies = [(0.40, 0.62, 0.95), (0.62, 0.76, 0.95), (0.55, 0.75, 0.92), (0.45, 0.55, 0.85)];
            var (r, g, b) = skies[random.NextInt(skies.Length)];
            (r, g, b) = (Jitter(r), Jitter(g), Jitter(b));
            for (var y = 0; y < horizon; y++)
            {
                // Lighter towards the horizon.
                var lift = 0.15 * y / horizon;
                for (var x = 0; x < width; x++)
                {
                    Set(x, y, StreetClass.Sky, r + lift, g + lift, b + (lift / 2));
                }
            }
        }

        private void DrawBuildings(int horizon)
        {
            (double R, double G, double B)[] walls =
                [(0.58, 0.55, 0.50), (0.62, 0.45, 0.32), (0.80, 0.72, 0.58), (0.60, 0.28, 0.22), (0.50, 0.42, 0.40), (0.85, 0.80, 0.70)];
            var scale = width / 32.0;
            var x = -random.NextInt((int)(4 * scale) + 1);
            while (x < width)
            {
                var blockWidth = (int)Math.Round(random.Uniform(5, 14) * scale);
                if (random.NextDouble() < 0.2)
                {
                    x += blockWidth / 2; // a gap where the sky shows
                    continue;
                }

                var top = (int)Math.Round(horizon * random.Uniform(0.1, 0.8));
                var (r, g, b) = walls[random.NextInt(walls.Length)];
                (r, g, b) = (Jitter(r), Jitter(g), Jitter(b));
                Fill(x, top, x + blockWidth, horizon, StreetClass.Building, r, g, b);
                var dark = random.NextDouble() < 0.7;
                var window = dark ? 0.45 : 1.3;
                for (var wy = top + 1; wy < horizon - 1; wy += 3)
                {
                    for (var wx = x + 1; wx < x + blockWidth - 1; wx += 3)
                    {
                        if (random.NextDouble() < 0.8)
                        {
                            Set(wx, wy, StreetClass.Building, Math.Min(1, r * window), Math.Min(1, g * window), Math.Min(1, b * window * 1.1));
                        }
                    }
                }

                x += blockWidth;
            }
        }

        private void DrawRoad(int horizon)
        {
            var asphalt = random.Uniform(0.22, 0.38);
            var vanish = width * random.Uniform(0.35, 0.65);
            var marking = random.Uniform(0.8, 1.0);
            var dashPhase = random.NextInt(4);
            for (var y = horizon; y < height; y++)
            {
                // Lane markings converge on a vanishing point on the horizon.
                var depth = (y - horizon + 1.0) / (height - horizon);
                for (var x = 0; x < width; x++)
                {
                    var offset = x + 0.5 - vanish;
                    var onMarking = Math.Abs(offset) < 0.5 + (0.6 * depth) && ((y + dashPhase) / 2 % 2 == 0);
                    var a = asphalt - (0.05 * depth);
                    if (onMarking)
                    {
                        Set(x, y, StreetClass.Road, marking, marking, marking * 0.9);
                    }
                    else
                    {
                        Set(x, y, StreetClass.Road, a, a, a * 1.05);
                    }
                }
            }
        }

        /// <summary>Cars and poles, drawn from the farthest (highest base) to the nearest.</summary>
        private void DrawObjects(int horizon)
        {
            var objects = new List<(int Base, bool IsCar, int X)>();
            var cars = 1 + random.NextInt(2);
            for (var i = 0; i < cars; i++)
            {
                objects.Add((horizon + 2 + random.NextInt(Math.Max(1, height - horizon - 2)), true, random.NextInt(width)));
            }

            var poles = random.NextInt(3);
            for (var i = 0; i < poles; i++)
            {
                objects.Add((horizon + random.NextInt(Math.Max(1, height - horizon)), false, random.NextInt(width - 1)));
            }

            objects.Sort((a, b) => a.Base.CompareTo(b.Base));
            foreach (var (bottom, isCar, x) in objects)
            {
                if (isCar)
                {
                    DrawCar(horizon, bottom, x);
                }
                else
                {
                    DrawPole(horizon, bottom, x);
                }
            }
        }

        private void DrawCar(int horizon, int bottom, int centre)
        {
            (double R, double G, double B)[] paints =
                [(0.80, 0.10, 0.10), (0.15, 0.25, 0.70), (0.92, 0.92, 0.92), (0.90, 0.75, 0.10), (0.15, 0.50, 0.25), (0.85, 0.45, 0.10)];
            var depth = (bottom - horizon + 1.0) / (height - horizon);
            var carWidth = Math.Max(4, (int)Math.Round((4 + (10 * depth)) * width / 32.0));
            var carHeight = Math.Max(3, (int)Math.Round(carWidth * random.Uniform(0.5, 0.65)));
            var x0 = centre - (carWidth / 2);
            var top = bottom - carHeight + 1;
            var (r, g, b) = paints[random.NextInt(paints.Length)];
            (r, g, b) = (Jitter(r, 0.05), Jitter(g, 0.05), Jitter(b, 0.05));
            // Body below, a narrower cabin with glass on top.
            var cabin = Math.Max(1, carHeight * 2 / 5);
            Fill(x0 + (carWidth / 5), top, x0 + carWidth - (carWidth / 5), top + cabin, StreetClass.Car, r, g, b);
            Fill(x0 + (carWidth / 5) + 1, top + 1, x0 + carWidth - (carWidth / 5) - 1, top + cabin, StreetClass.Car, 0.2, 0.25, 0.3);
            Fill(x0, top + cabin, x0 + carWidth, bottom + 1, StreetClass.Car, r, g, b);
        }

        private void DrawPole(int horizon, int bottom, int x)
        {
            var top = (int)Math.Round(horizon * random.Uniform(0.05, 0.6));
            var grey = random.Uniform(0.08, 0.18);
            var poleWidth = width >= 48 ? 3 : 2;
            Fill(x, top, x + poleWidth, bottom + 1, StreetClass.Pole, grey, grey, grey * 1.05);
            if (random.NextDouble() < 0.5)
            {
                // A lamp or a small sign at the top, part of the pole.
                var side = random.NextDouble() < 0.5 ? -2 : poleWidth;
                Fill(x + side, top, x + side + 2, top + 2, StreetClass.Pole, 0.9, 0.85, 0.6);
            }
        }
    }
}
