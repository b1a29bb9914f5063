using System;
using System.Linq;

namespace Autograder.Reference.Data;

/// <summary>
/// Seeded data sets for the first exercises. The same seed gives the same data on every machine,
/// so a result can always be reproduced from the seed a report shows.
/// </summary>
public static class Generators
{
    /// <summary>
    /// Points in [-1, 1]^dimensions labelled by a random hyperplane through a random offset, with
    /// every point at least <paramref name="margin"/> away from it: a perceptron must separate them.
    /// </summary>
    public static ClassificationSet LinearlySeparable(int count, int dimensions, int seed, double margin = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        var random = new SeededRandom(seed);
        var normal = Enumerable.Range(0, dimensions).Select(_ => random.Gaussian()).ToArray();
        var length = Math.Sqrt(normal.Sum(v => v * v));
        normal = [.. normal.Select(v => v / length)];
        var offset = random.Uniform(-0.3, 0.3);

        var inputs = new double[count][];
        var labels = new int[count];
        for (var i = 0; i < count;)
        {
            var point = Enumerable.Range(0, dimensions).Select(_ => random.Uniform(-1, 1)).ToArray();
            var distance = point.Select((v, d) => v * normal[d]).Sum() + offset;
            if (Math.Abs(distance) < margin)
            {
                continue;
            }

            inputs[i] = point;
            labels[i] = distance >= 0 ? 1 : 0;
            i++;
        }

        return new ClassificationSet(inputs, labels);
    }

    /// <summary>
    /// A linear regression problem: each input row starts with a constant 1 (so the first weight
    /// is the bias), the other features are uniform in [-1, 1], and the target is
    /// <c>trueWeights · x</c> plus Gaussian noise.
    /// </summary>
    public static (RegressionSet Data, double[] TrueWeights) LinearRegression(
        int count, int features, int seed, double noise = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        var random = new SeededRandom(seed);
        var weights = Enumerable.Range(0, features + 1).Select(_ => random.Uniform(-2, 2)).ToArray();
        var inputs = new double[count][];
        var targets = new double[count];
        for (var i = 0; i < count; i++)
        {
            var row = new double[features + 1];
            row[0] = 1;
            for (var f = 1; f <= features; f++)
            {
                row[f] = random.Uniform(-1, 1);
            }

            inputs[i] = row;
            targets[i] = row.Select((v, f) => v * weights[f]).Sum() + random.Gaussian(0, noise);
        }

        return (new RegressionSet(inputs, targets), weights);
    }

    /// <summary>
    /// A disc inside a ring, in two dimensions: label 1 inside radius 0.5, label 0 between 0.7 and
    /// 1.0. About half the points are in each class, so any straight line gets about half right;
    /// a network with a hidden layer can draw the circle.
    /// </summary>
    public static ClassificationSet Circles(int count, int seed, double noise = 0.03)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new SeededRandom(seed);
        var inputs = new double[count][];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var inside = random.NextDouble() < 0.5;
            // Radius drawn so that the points cover each area evenly.
            var radius = inside
                ? 0.5 * Math.Sqrt(random.NextDouble())
                : Math.Sqrt(random.Uniform(0.7 * 0.7, 1.0));
            var angle = random.Uniform(0, 2 * Math.PI);
            inputs[i] =
            [
                (radius * Math.Cos(angle)) + random.Gaussian(0, noise),
                (radius * Math.Sin(angle)) + random.Gaussian(0, noise),
            ];
            labels[i] = inside ? 1 : 0;
        }

        return new ClassificationSet(inputs, labels);
    }

    /// <summary>
    /// Two interleaved spirals, one per class, each making <paramref name="turns"/> turns: a
    /// harder set than <see cref="Circles"/> for a network with one hidden layer.
    /// </summary>
    public static ClassificationSet Spirals(int count, int seed, double turns = 1.0, double noise = 0.02)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new SeededRandom(seed);
        var inputs = new double[count][];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % 2;
            var t = random.Uniform(0.15, 1.0);
            var angle = (2 * Math.PI * turns * t) + (label * Math.PI);
            inputs[i] =
            [
                (t * Math.Cos(angle)) + random.Gaussian(0, noise),
                (t * Math.Sin(angle)) + random.Gaussian(0, noise),
            ];
            labels[i] = label;
        }

        return new ClassificationSet(inputs, labels);
    }
}
