using TorchSharp;

namespace Autograder.Reference.TimeSeries;

/// <summary>
/// Exercise 06: forecasting a time series with a neural network, without looking ahead. The class
/// you write in <c>exercises/06-time-series/ForecastingPipeline.cs</c> implements this interface.
/// A window is <c>L</c> consecutive values (the input) followed by the next <c>H</c> values (the
/// target); windows start at every step, one after another.
/// </summary>
public interface IForecastingPipeline
{
    /// <summary>
    /// Every window of the series, in order: for <c>i = 0 .. N - 1</c> with
    /// <c>N = series.Length - L - H + 1</c> (no windows when that is below 1),
    /// <c>Inputs[i] = series[i .. i + L - 1]</c> and <c>Targets[i] = series[i + L .. i + L + H - 1]</c>.
    /// A target starts right after its input ends and never overlaps it.
    /// </summary>
    /// <param name="series">The values, oldest first.</param>
    /// <param name="inputLength">L, at least 1.</param>
    /// <param name="horizon">H, at least 1.</param>
    WindowSet MakeWindows(double[] series, int inputLength, int horizon);

    /// <summary>
    /// Splits by time, never shuffling: the first <c>floor(trainFraction * series.Length)</c>
    /// values are the training part, the rest the test part.
    /// </summary>
    SeriesSplit Split(double[] series, double trainFraction);

    /// <summary>
    /// The mean and the population standard deviation (divide by the count) of
    /// <paramref name="trainPart"/>.
    /// </summary>
    Normalizer FitNormalizer(double[] trainPart);

    /// <summary>
    /// Everything a model needs, with no look-ahead:
    /// <list type="number">
    /// <item><c>Split</c> the series with <c>setup.TrainFraction</c>; call the split point <c>c</c>.</item>
    /// <item><c>FitNormalizer</c> on the training part only.</item>
    /// <item><c>Training</c>: <c>MakeWindows</c> of the normalised training part.</item>
    /// <item><c>Test</c>: <c>MakeWindows</c> of the normalised <c>series[c - L ..]</c>, so that the first
    /// test target is <c>series[c]</c> and every test target lies in the test part (the inputs may
    /// reach back into the training part: the past is known when forecasting).</item>
    /// </list>
    /// </summary>
    PreparedSeries Prepare(double[] series, ForecastSetup setup);

    /// <summary>
    /// A new model (an MLP or an LSTM, in TorchSharp) trained on <paramref name="training"/> (normalised
    /// windows) on <paramref name="device"/>. The caller seeds TorchSharp's random generator first;
    /// draw anything random (initial weights, batch order) from it.
    /// </summary>
    IForecaster Train(WindowSet training, torch.Device device);
}

/// <summary>A trained forecaster. Dispose it to free its tensors.</summary>
public interface IForecaster : System.IDisposable
{
    /// <summary>
    /// The forecast of the next <c>H</c> values after each input window, in the same normalised
    /// units as the windows it was trained on: one row of <c>H</c> values per row of
    /// <paramref name="inputs"/> (each row <c>L</c> values).
    /// </summary>
    double[][] Predict(double[][] inputs);
}

/// <summary>Windows cut from a series (see <see cref="IForecastingPipeline.MakeWindows"/>).</summary>
/// <param name="Inputs">N rows of L values.</param>
/// <param name="Targets">N rows of H values: the values right after each input.</param>
public sealed record WindowSet(double[][] Inputs, double[][] Targets)
{
    /// <summary>Number of windows N.</summary>
    public int Count => Inputs.Length;
}

/// <summary>A series cut in two at one point in time.</summary>
/// <param name="Train">The values before the split point, oldest first.</param>
/// <param name="Test">The values from the split point on.</param>
public sealed record SeriesSplit(double[] Train, double[] Test);

/// <summary>How a series is prepared for forecasting.</summary>
/// <param name="InputLength">L: values a model sees.</param>
/// <param name="Horizon">H: values it forecasts.</param>
/// <param name="TrainFraction">Share of the series, from its start, used for training.</param>
public sealed record ForecastSetup(int InputLength, int Horizon, double TrainFraction);

/// <summary>What <see cref="IForecastingPipeline.Prepare"/> returns.</summary>
/// <param name="Normalizer">Statistics of the training part.</param>
/// <param name="Training">Normalised windows of the training part.</param>
/// <param name="Test">Normalised windows whose targets are the test part.</param>
public sealed record PreparedSeries(Normalizer Normalizer, WindowSet Training, WindowSet Test);
