using System;
using System.Collections.Generic;

namespace Autograder.Reference.Data;

/// <summary>
/// A random source that gives the same numbers for the same seed on every machine and .NET
/// version, so that every data set and every initialisation can be reproduced from its seed.
/// </summary>
/// <remarks>
/// <see cref="Random(int)"/> with an explicit seed keeps its historical algorithm for exactly
/// this reason; the Gaussian draws use Box-Muller on top of it.
/// </remarks>
public sealed class SeededRandom
{
    private readonly Random _random;
    private double? _spareGaussian;

    /// <summary>Creates a source for <paramref name="seed"/>.</summary>
    public SeededRandom(int seed)
    {
        Seed = seed;
        _random = new Random(seed);
    }

    /// <summary>The seed this source was created with.</summary>
    public int Seed { get; }

    /// <summary>A uniform draw from [0, 1).</summary>
    public double NextDouble() => _random.NextDouble();

    /// <summary>A uniform draw from [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + ((high - low) * _random.NextDouble());

    /// <summary>A uniform integer from [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive) => _random.Next(maxExclusive);

    /// <summary>A draw from the normal distribution with the given mean and standard deviation.</summary>
    public double Gaussian(double mean = 0, double standardDeviation = 1)
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return mean + (standardDeviation * spare);
        }

        double u, v, s;
        do
        {
            u = (2 * _random.NextDouble()) - 1;
            v = (2 * _random.NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        return mean + (standardDeviation * u * factor);
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The numbers 0 .. <paramref name="count"/> - 1 in a random order.</summary>
    public int[] Permutation(int count)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        Shuffle(order);
        return order;
    }
}
