using System;
using System.Linq;
using Autograder.Reference.TimeSeries;
using TorchSharp;
using static TorchSharp.torch;

namespace Exercises.TimeSeries;

/// <summary>
/// Exercise 06 written in LINQ: windows, a chronological split, normalisation from the training part
/// only, and a two-hidden-layer MLP trained full-batch with AdamW and a cosine learning-rate decay.
/// </summary>
public sealed class ForecastingPipeline : IForecastingPipeline
{
    private const int Steps = 300;

    public WindowSet MakeWindows(double[] series, int inputLength, int horizon)
    {
        var starts = Enumerable.Range(0, Math.Max(0, series.Length - inputLength - horizon + 1)).ToArray();
        return new WindowSet(
            starts.Select(i => series.Skip(i).Take(inputLength).ToArray()).ToArray(),
            starts.Select(i => series.Skip(i + inputLength).Take(horizon).ToArray()).ToArray());
    }

    public SeriesSplit Split(double[] series, double trainFraction)
    {
        var cut = (int)Math.Floor(trainFraction * series.Length);
        return new SeriesSplit(series.Take(cut).ToArray(), series.Skip(cut).ToArray());
    }

    public Normalizer FitNormalizer(double[] trainPart)
    {
        var mean = trainPart.Average();
        var variance = trainPart.Select(value => (value - mean) * (value - mean)).Average();
        return new Normalizer(mean, Math.Sqrt(variance));
    }

    public PreparedSeries Prepare(double[] series, ForecastSetup setup)
    {
        var (train, _) = Split(series, setup.TrainFraction);
        var normalizer = FitNormalizer(train);
        var normalised = normalizer.Normalize(series);
        return new PreparedSeries(
            normalizer,
            MakeWindows(normalised.Take(train.Length).ToArray(), setup.InputLength, setup.Horizon),
            // Test inputs reach back L values into the training part, so the first target is series[cut].
            MakeWindows(normalised.Skip(train.Length - setup.InputLength).ToArray(), setup.InputLength, setup.Horizon));
    }

    public IForecaster Train(WindowSet training, Device device)
    {
        var model = new TwoLayerForecaster(training.Inputs[0].Length, 32, training.Targets[0].Length, device);
        using var inputs = Rows(training.Inputs, device);
        using var targets = Rows(training.Targets, device);
        using var optimizer = torch.optim.AdamW(model.parameters(), lr: 0.01, weight_decay: 1e-4);
        model.train();
        for (var step = 0; step < Steps; step++)
        {
            // Cosine decay from 0.01 to 0: large steps early, fine ones at the end.
            var rate = 0.005 * (1 + Math.Cos(Math.PI * step / Steps));
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = rate;
            }

            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.mse_loss(model.forward(inputs), targets).backward();
            optimizer.step();
        }

        model.eval();
        return model;
    }

    internal static Tensor Rows(double[][] rows, Device device) =>
        tensor(rows.SelectMany(row => row.Select(value => (float)value)).ToArray(), [rows.Length, rows.Length == 0 ? 0 : rows[0].Length], device: device);
}

/// <summary>L inputs, two hidden ReLU layers, H outputs; the output layer is created first.</summary>
public sealed class TwoLayerForecaster : nn.Module<Tensor, Tensor>, IForecaster
{
    private readonly TorchSharp.Modules.Linear output;
    private readonly TorchSharp.Modules.Linear hidden2;
    private readonly TorchSharp.Modules.Linear hidden1;
    private readonly Device device;

    public TwoLayerForecaster(int inputLength, int width, int horizon, Device device)
        : base(nameof(TwoLayerForecaster))
    {
        output = nn.Linear(width, horizon);
        hidden2 = nn.Linear(width, width);
        hidden1 = nn.Linear(inputLength, width);
        RegisterComponents();
        this.device = device;
        this.to(device);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.relu(hidden1.forward(input));
        return output.forward(nn.functional.relu(hidden2.forward(h))).MoveToOuterDisposeScope();
    }

    public double[][] Predict(double[][] inputs)
    {
        eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var forecasts = forward(ForecastingPipeline.Rows(inputs, device)).to(ScalarType.Float64).cpu();
        var horizon = (int)forecasts.shape[1];
        return forecasts.data<double>().ToArray().Chunk(horizon).Take(inputs.Length).ToArray();
    }
}
