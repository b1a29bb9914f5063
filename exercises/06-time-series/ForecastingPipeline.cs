using Autograder.Reference.TimeSeries;

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
        throw new NotImplementedException("ForecastingPipeline.MakeWindows is not implemented yet.");
    }

    /// <summary>The first floor(trainFraction * length) values, then the rest; no shuffling.</summary>
    public SeriesSplit Split(double[] series, double trainFraction)
    {
        throw new NotImplementedException("ForecastingPipeline.Split is not implemented yet.");
    }

    /// <summary>Mean and population standard deviation of the training part.</summary>
    public Normalizer FitNormalizer(double[] trainPart)
    {
        throw new NotImplementedException("ForecastingPipeline.FitNormalizer is not implemented yet.");
    }

    /// <summary>Split, fit on the training part, then window both parts with those statistics.</summary>
    public PreparedSeries Prepare(double[] series, ForecastSetup setup)
    {
        throw new NotImplementedException("ForecastingPipeline.Prepare is not implemented yet.");
    }

    /// <summary>A new forecaster (an MLP such as <see cref="MlpForecaster"/>) trained on the windows, on the device given.</summary>
    public IForecaster Train(WindowSet training, Device device)
    {
        throw new NotImplementedException("ForecastingPipeline.Train is not implemented yet.");
    }
}

/// <summary>
/// A forecaster: L inputs, a hidden layer, H outputs. Design it as you like (an MLP fits the time budget; see the README);
/// keep it a TorchSharp module that implements <see cref="IForecaster"/>.
/// </summary>
public sealed class MlpForecaster : nn.Module<Tensor, Tensor>, IForecaster
{
    /// <summary>Creates the layers, registers them and moves them to <paramref name="device"/>.</summary>
    public MlpForecaster(int inputLength, int hidden, int horizon, Device device)
        : base(nameof(MlpForecaster))
    {
    }

    /// <summary>[N, L] normalised windows to [N, H] normalised forecasts.</summary>
    public override Tensor forward(Tensor input)
    {
        throw new NotImplementedException("MlpForecaster.forward is not implemented yet.");
    }

    /// <summary>Forecasts for plain arrays: no gradients, back to double[][].</summary>
    public double[][] Predict(double[][] inputs)
    {
        throw new NotImplementedException("MlpForecaster.Predict is not implemented yet.");
    }
}
