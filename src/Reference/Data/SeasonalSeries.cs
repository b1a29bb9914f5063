using System;

namespace Autograder.Reference.Data;

/// <summary>
/// A seeded time series with a trend, a season and noise, like monthly sales or hourly load:
/// <code>
/// y[t] = level + slope t + a1 sin(2 pi t / period + p1) + a2 sin(4 pi t / period + p2) + n[t]
/// n[t] = persistence n[t - 1] + e[t],   e[t] ~ Normal(0, noise a1)
/// </code>
/// The noise lingers (each step keeps <c>persistence</c> of the last one), as real disturbances
/// do: a model that looks at the recent past can follow it, a forecast that only repeats last
/// season cannot. The same seed gives the same series on every machine.
/// </summary>
public static class SeasonalSeries
{
    /// <summary>
    /// <paramref name="length"/> values of the series. The seed draws the level (in [50, 150]), the
    /// amplitude of the season <c>a1</c> (in [10, 20]), its phase, a second harmonic
    /// <c>a2</c> (20% to 50% of <c>a1</c>) and the slope (0.1% to 0.2% of <c>a1</c> per step,
    /// upwards or downwards).
    /// </summary>
    /// <param name="length">Number of values.</param>
    /// <param name="period">Steps in one season, at least 2.</param>
    /// <param name="seed">Seed of every random choice.</param>
    /// <param name="noise">Standard deviation of each step's new noise, relative to <c>a1</c>.</param>
    /// <param name="persistence">Share of the previous noise that carries over, in [0, 1).</param>
    public static double[] Generate(int length, int period, int seed, double noise = 0.1, double persistence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(noise);
        if (persistence is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(persistence), persistence, "must be in [0, 1).");
        }

        var random = new SeededRandom(seed);
        var level = random.Uniform(50, 150);
        var amplitude = random.Uniform(10, 20);
        var phase = random.Uniform(0, 2 * Math.PI);
        var harmonic = amplitude * random.Uniform(0.2, 0.5);
        var harmonicPhase = random.Uniform(0, 2 * Math.PI);
        var slope = amplitude * random.Uniform(0.0002, 0.0005) * (random.NextDouble() < 0.5 ? -1 : 1);
        var step = noise * amplitude;

        // Start the noise in its steady state, so the first values are as noisy as the later ones.
        var disturbance = random.Gaussian(0, step / Math.Sqrt(1 - (persistence * persistence)));
        var series = new double[length];
        for (var t = 0; t < length; t++)
        {
            var angle = 2 * Math.PI * t / period;
            series[t] = level + (slope * t)
                + (amplitude * Math.Sin(angle + phase))
                + (harmonic * Math.Sin((2 * angle) + harmonicPhase))
                + disturbance;
            disturbance = (persistence * disturbance) + random.Gaussian(0, step);
        }

        return series;
    }
}
