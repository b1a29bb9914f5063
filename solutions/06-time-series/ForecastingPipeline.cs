using Autograder.Reference.TimeSeries;
using Autograder.Reference.Training;

namespace Exercises.TimeSeries;

/// <summary>
/// Exercise 06: windows, a chronological split, normalisation from the training part only, and a
/// small network that forecasts. README.md in exercises/06-time-series/ explains the idea and the checks; run
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

    /// <summary>An MLP trained with full-batch Adam on the mean squared error.</summary>
    public IForecaster Train(WindowSet training, Device device)
    {
        var inputLength = training.Inputs[0].Length;
        var horizon = training.Targets[0].Length;
        var model = new MlpForecaster(inputLength, 64, horizon, device);
        using var inputs = ToTensor(training.Inputs, device);
        using var targets = ToTensor(training.Targets, device);
        using var optimizer = new SteadyAdam(model.parameters(), learningRate: 0.005);
        model.train();
        for (var step = 0; step < 400; step++)
        {
            using var scope = NewDisposeScope();
            model.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(inputs), targets);
            loss.backward();
            optimizer.Step();
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

/// <summary>L inputs, one hidden ReLU layer, H outputs.</summary>
public sealed class MlpForecaster : nn.Module<Tensor, Tensor>, IForecaster
{
    private readonly TorchSharp.Modules.Linear fc1;
    private readonly TorchSharp.Modules.Linear fc2;
    private readonly Device _device;

    public MlpForecaster(int inputLength, int hidden, int horizon, Device device)
        : base(nameof(MlpForecaster))
    {
        fc1 = nn.Linear(inputLength, hidden);
        fc2 = nn.Linear(hidden, horizon);
        RegisterComponents();
        _device = device;
        this.to(device);
    }

    public override Tensor forward(Tensor input) => fc2.forward(nn.functional.relu(fc1.forward(input)));

    public double[][] Predict(double[][] inputs)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var output = forward(ForecastingPipeline.ToTensor(inputs, _device)).cpu();
        var horizon = (int)output.shape[1];
        var values = output.data<float>().ToArray();
        var rows = new double[inputs.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[horizon];
            for (var j = 0; j < horizon; j++)
            {
                rows[i][j] = values[(i * horizon) + j];
            }
        }

        return rows;
    }
}
