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

    /// <summary>
    /// Mini-batches of 128 windows in a shuffled order each epoch; the network forecasts the change
    /// from the window's last value.
    /// </summary>
    public IForecaster Train(WindowSet training, Device device)
    {
        var model = new ResidualMlp(training.Inputs[0].Length, 48, training.Targets[0].Length, device);
        using var inputs = ToTensor(training.Inputs, device);
        using var targets = ToTensor(training.Targets, device);
        using var optimizer = torch.optim.Adam(model.parameters(), 0.003);
        var count = training.Count;
        model.train();
        for (var epoch = 0; epoch < 40; epoch++)
        {
            using var order = torch.randperm(count, device: device);
            for (var start = 0; start < count; start += 128)
            {
                using var scope = NewDisposeScope();
                var rows = order.narrow(0, start, Math.Min(128, count - start));
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(inputs.index_select(0, rows)), targets.index_select(0, rows));
                loss.backward();
                optimizer.step();
            }
        }

        model.eval();
        return model;
    }

    internal static Tensor ToTensor(double[][] rows, Device device)
    {
        var width = rows.Length == 0 ? 0 : rows[0].Length;
        var flat = new float[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < width; j++)
            {
                flat[(i * width) + j] = (float)rows[i][j];
            }
        }

        return tensor(flat, [rows.Length, width], device: device);
    }
}

/// <summary>Two hidden tanh layers; output = last input value + the learned change.</summary>
public sealed class ResidualMlp : nn.Module<Tensor, Tensor>, IForecaster
{
    private readonly TorchSharp.Modules.Sequential layers;
    private readonly Device _device;

    public ResidualMlp(int inputLength, int hidden, int horizon, Device device)
        : base(nameof(ResidualMlp))
    {
        layers = nn.Sequential(
            nn.Linear(inputLength, hidden), nn.Tanh(),
            nn.Linear(hidden, hidden), nn.Tanh(),
            nn.Linear(hidden, horizon));
        RegisterComponents();
        _device = device;
        this.to(device);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var last = input[.., ^1..];
        return (layers.forward(input - last) + last).MoveToOuterDisposeScope();
    }

    public double[][] Predict(double[][] inputs)
    {
        eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var output = forward(ForecastingPipeline.ToTensor(inputs, _device)).to(ScalarType.Float64).cpu();
        var rows = new double[inputs.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = output[i].data<double>().ToArray();
        }

        return rows;
    }
}
