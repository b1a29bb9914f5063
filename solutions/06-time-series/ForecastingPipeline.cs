using System;
using System.Collections.Generic;
using System.Linq;
using Autograder.Reference.TimeSeries;
using TorchSharp;
using static TorchSharp.torch;

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

/// <summary>
/// Adam (the same update as torch.optim.Adam with its defaults) whose Scalars live as long as the
/// optimiser. TorchSharp 0.107 turns a double argument into a temporary Scalar that only a
/// finalizer frees; a garbage collection on another thread while libtorch still reads it (inside
/// the native call) frees it too early, and the step fails with "Expected false to be true" in
/// Scalar::toFloat. torch.optim.Adam makes such temporaries on every step; the reference solution
/// must pass every time, so it keeps its own.
/// </summary>
internal sealed class SteadyAdam : IDisposable
{
    private readonly TorchSharp.Modules.Parameter[] _parameters;
    private readonly Tensor[] _means;
    private readonly Tensor[] _squares;
    private readonly double _learningRate;
    private readonly Scalar _beta1 = 0.9;
    private readonly Scalar _oneMinusBeta1 = 0.1;
    private readonly Scalar _beta2 = 0.999;
    private readonly Scalar _oneMinusBeta2 = 0.001;
    private readonly Scalar _epsilon = 1e-8;
    private readonly Scalar _one = 1.0;
    private int _steps;

    public SteadyAdam(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate)
    {
        _parameters = parameters.ToArray();
        _means = _parameters.Select(p => zeros_like(p)).ToArray();
        _squares = _parameters.Select(p => zeros_like(p)).ToArray();
        _learningRate = learningRate;
    }

    public void Step()
    {
        _steps++;
        using var noGrad = no_grad();
        using Scalar stepSize = -_learningRate / (1 - Math.Pow(0.9, _steps));
        using Scalar correction = Math.Sqrt(1 - Math.Pow(0.999, _steps));
        for (var i = 0; i < _parameters.Length; i++)
        {
            using var scope = NewDisposeScope();
            var gradient = _parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }

            _means[i].mul_(_beta1).add_(gradient, alpha: _oneMinusBeta1);
            _squares[i].mul_(_beta2).addcmul_(gradient, gradient, value: _oneMinusBeta2);
            var denominator = _squares[i].sqrt().div_(correction).add_(_epsilon, _one);
            _parameters[i].addcdiv_(_means[i], denominator, value: stepSize);
        }
    }

    public void Dispose()
    {
        foreach (var tensor in _means.Concat(_squares))
        {
            tensor.Dispose();
        }

        foreach (var scalar in new[] { _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _epsilon, _one })
        {
            scalar.Dispose();
        }
    }
}
