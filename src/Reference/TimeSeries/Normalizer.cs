using System;
using System.Collections.Generic;

namespace Autograder.Reference.TimeSeries;

/// <summary>
/// Statistics that put a series on a standard scale: <c>z = (x - Mean) / StandardDeviation</c>.
/// Which data they were computed from is what matters: see
/// <see cref="IForecastingPipeline.FitNormalizer"/>.
/// </summary>
/// <param name="Mean">The mean subtracted from every value.</param>
/// <param name="StandardDeviation">The scale every value is divided by; must be positive.</param>
public sealed record Normalizer(double Mean, double StandardDeviation)
{
    /// <summary><c>(x - Mean) / StandardDeviation</c> for one value.</summary>
    public double Normalize(double value) => (value - Mean) / StandardDeviation;

    /// <summary><c>z * StandardDeviation + Mean</c>: back to the units of the series.</summary>
    public double Denormalize(double value) => (value * StandardDeviation) + Mean;

    /// <summary><see cref="Normalize(double)"/> of every value, in a new array.</summary>
    public double[] Normalize(IReadOnlyList<double> values) => EachOf(values, Normalize);

    /// <summary><see cref="Denormalize(double)"/> of every value, in a new array.</summary>
    public double[] Denormalize(IReadOnlyList<double> values) => EachOf(values, Denormalize);

    private static double[] EachOf(IReadOnlyList<double> values, Func<double, double> map)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new double[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = map(values[i]);
        }

        return result;
    }
}
