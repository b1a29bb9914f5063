using Autograder.Checks.TimeSeries;
using Autograder.Reference.TimeSeries;
using Oracle = Exercises.TimeSeries.ForecastingPipeline;

namespace Autograder.Checks.Hidden.TimeSeries;

/// <summary>
/// Exercise 06, hidden checks: exact agreement with the reference pipeline on random series,
/// the look-ahead checks on another split and horizon, and the forecast on another series.
/// </summary>
public sealed class TimeSeriesHiddenChecks() : CheckSource(TimeSeriesChecks.Exercise)
{
    [Check("windows-match-reference", "windows of random series and sizes", Points = 1, Seed = 6001, Visibility = Visibility.Hidden)]
    [OracleTrials(100)]
    private static string? WindowsMistake(IForecastingPipeline learner, Oracle oracle, SeededRandom random)
    {
        var series = Enumerable.Range(0, 1 + random.NextInt(60)).Select(_ => random.Gaussian()).ToArray();
        var (l, h) = (1 + random.NextInt(10), 1 + random.NextInt(5));
        var theirs = TimeSeriesChecks.ExpectWindows(learner.MakeWindows((double[])series.Clone(), l, h), l, h, "MakeWindows");
        var ours = oracle.MakeWindows(series, l, h);
        if (theirs.Count != ours.Count)
        {
            return $"MakeWindows on a series of {series.Length} values with L = {l}, H = {h} returned {theirs.Count} windows; a series " +
                "gives max(0, length - L - H + 1): one window for every start that leaves room for L inputs and H targets.";
        }

        return TimeSeriesChecks.FirstDifferentWindow(theirs, ours) is { } i
            ? $"MakeWindows on a random series of {series.Length} values with L = {l}, H = {h}: window {i} differs from " +
                "series[i .. i + L - 1] followed by the targets series[i + L .. i + L + H - 1]."
            : null;
    }

    [Check("prepare-matches-reference", "Prepare agrees with the reference", Points = 2, Seed = 6002, Visibility = Visibility.Hidden)]
    private static Verdict PrepareMatchesReference(CheckContext context)
    {
        var learner = context.Create<IForecastingPipeline>();
        var oracle = new Oracle();
        ForecastSetup[] setups = [new(20, 3, 0.8), new(7, 1, 0.7), new(24, 6, 0.55)];
        for (var n = 0; n < setups.Length; n++)
        {
            var setup = setups[n];
            var series = SeasonalSeries.Generate(400 + (37 * n), 12 + (6 * n), context.Seed + n);
            var theirs = Expect.NotNull(learner.Prepare((double[])series.Clone(), setup), "Prepare");
            var ours = oracle.Prepare(series, setup);
            var what = $"Prepare on a series of {series.Length} values (L = {setup.InputLength}, H = {setup.Horizon}, trainFraction {Show.Number(setup.TrainFraction)})";
            var normalizer = Expect.NotNull(theirs.Normalizer, "Prepare's Normalizer");
            if (!Close(normalizer.Mean, ours.Normalizer.Mean) || !Close(normalizer.StandardDeviation, ours.Normalizer.StandardDeviation))
            {
                return Verdict.Fail(
                    $"{what}: your normaliser differs from the mean and population standard deviation of the training part " +
                    "(the first floor(trainFraction * length) values).");
            }

            foreach (var (name, mine, reference) in new[] { ("training", theirs.Training, ours.Training), ("test", theirs.Test, ours.Test) })
            {
                var windows = TimeSeriesChecks.ExpectWindows(mine, setup.InputLength, setup.Horizon, $"Prepare's {name} windows");
                if (windows.Count != reference.Count)
                {
                    return Verdict.Fail(
                        $"{what}: {windows.Count} {name} windows, {(windows.Count < reference.Count ? "fewer" : "more")} than the reference. " +
                        "Training windows come from the first floor(trainFraction * length) values alone; test windows start L values " +
                        "before the split point c, so that the first test target is series[c].");
                }

                for (var i = 0; i < reference.Count; i++)
                {
                    if (!AllClose(windows.Inputs[i], reference.Inputs[i]) || !AllClose(windows.Targets[i], reference.Targets[i]))
                    {
                        return Verdict.Fail(
                            $"{what}: {name} window {i} differs from the reference. Training windows come from the normalised training " +
                            "part; test windows from the normalised series[c - L ..], where c is the split point.");
                    }
                }
            }
        }

        return Verdict.Pass();
    }

    [Check("no-test-target-other-setup", "no look-ahead with another split and horizon", Points = 1, Seed = 6003, Visibility = Visibility.Hidden)]
    private static Verdict NoTestTargetOtherSetup(CheckContext context) =>
        TimeSeriesChecks.NoTestTargetInTraining(context, length: 320, period: 12, new ForecastSetup(10, 4, 0.6));

    [Check("normalization-other-setup", "training statistics only, with another split and horizon", Points = 1, Seed = 6004, Visibility = Visibility.Hidden)]
    private static Verdict NormalizationOtherSetup(CheckContext context) =>
        TimeSeriesChecks.NormalizationFromTrainingOnly(context, length: 320, period: 12, new ForecastSetup(10, 4, 0.6));

    [Check("beats-seasonal-naive-other-series", "half of seasonal naive on another series", Points = 3, Seed = 6005, Visibility = Visibility.Hidden)]
    private static Verdict BeatsSeasonalNaiveOtherSeries(CheckContext context) =>
        TimeSeriesChecks.BeatsSeasonalNaive(context, new ForecastTask(Length: 2400, Period: 24, InputLength: 48, TrainFraction: 0.8));

    /// <summary>
    /// The training checks forecast one value of one window per call (so that no window holds
    /// another's answer), which leaves the layout of Predict's answer for several windows and
    /// H &gt; 1 untested. Here the windows are the check's own random inputs, so asking for all of
    /// them at once hands out no target: row i must be the module's output for window i, H values.
    /// </summary>
    [Check("predict-several-windows", "Predict on several windows with a horizon of 3 gives the module's rows", Points = 1, Seed = 6006, Visibility = Visibility.Hidden)]
    private static Verdict PredictSeveralWindows(CheckContext context)
    {
        const int L = 8, H = 3, Windows = 40, Asked = 5;
        TorchSharp.torch.manual_seed(context.SeedFor("torch"));
        var pipeline = context.Create<IForecastingPipeline>();
        var random = context.Random();
        double[] Row(int count) => [.. Enumerable.Range(0, count).Select(_ => random.Gaussian())];
        var training = new WindowSet([.. Enumerable.Range(0, Windows).Select(_ => Row(L))], [.. Enumerable.Range(0, Windows).Select(_ => Row(H))]);
        var inputs = Enumerable.Range(0, Asked).Select(_ => Row(L)).ToArray();
        using var forecaster = Expect.NotNull(pipeline.Train(training, context.Device), "Train");
        var answer = Expect.NotNull(forecaster.Predict([.. inputs.Select(row => (double[])row.Clone())]), "Predict");
        if (answer.Length != Asked || answer.Any(row => row?.Length != H))
        {
            return Verdict.Fail(
                $"Predict on {Asked} windows of L = {L} values, from a forecaster trained with H = {H}, returned {answer.Length} rows of " +
                $"{string.Join(", ", answer.Select(row => row?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null").Distinct())} values; " +
                $"expected {Asked} rows of H = {H} values, one row per window.");
        }

        if (forecaster is not TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> module || !module.parameters().Any())
        {
            return Verdict.Fail(
                $"Train returned a {forecaster.GetType().Name}, which is not a TorchSharp module with weights. Return the trained " +
                "network itself, a module that implements IForecaster (as MlpForecaster in the stub).");
        }

        using var scope = TorchSharp.torch.NewDisposeScope();
        using var noGrad = TorchSharp.torch.no_grad();
        var device = module.parameters().First().device;
        using var batch = TorchSharp.torch.tensor(inputs.SelectMany(row => row.Select(v => (float)v)).ToArray(), [Asked, L], device: device);
        module.eval();
        var own = module.forward(batch).reshape(Asked, H).to(TorchSharp.torch.ScalarType.Float64).cpu().data<double>().ToArray();
        for (var i = 0; i < Asked; i++)
        {
            for (var j = 0; j < H; j++)
            {
                var gap = Math.Abs(answer[i][j] - own[(i * H) + j]);
                if (!(gap <= 1e-4))
                {
                    return Verdict.Fail(
                        $"Predict on {Asked} windows at once (L = {L}, H = {H}): row {i}, value {j} differs by {Show.Number(gap)} from the " +
                        "module's own forward pass on the same windows, run by the check. The module's output is [windows, H]: row i of " +
                        "Predict is output[i, 0..H-1], in the order of the windows; look at how the flat output is cut into rows.");
                }
            }
        }

        return Verdict.Pass($"{Asked} windows at once, H = {H}: every row is the module's output for its window");
    }

    /// <summary>
    /// A parameter the optimiser never updates keeps its initial value whatever the data. Train
    /// runs twice from the same torch seed (so the same initial weights), on two different sets of
    /// the check's own random windows: every parameter that training moves ends up different, and
    /// one that is exactly equal in both runs was never trained. Nothing the learner reports is used.
    /// </summary>
    [Check("train-updates-every-parameter", "training moves every parameter of the network", Points = 1, Seed = 6007, Visibility = Visibility.Hidden)]
    private static Verdict TrainUpdatesEveryParameter(CheckContext context)
    {
        const int L = 8, H = 3, Windows = 40;
        var pipeline = context.Create<IForecastingPipeline>();
        var runs = new List<List<(string Name, double[] Values)>>();
        for (var run = 0; run < 2; run++)
        {
            var random = context.Random(run + 1);
            double[] Row(int count) => [.. Enumerable.Range(0, count).Select(_ => random.Gaussian())];
            var training = new WindowSet([.. Enumerable.Range(0, Windows).Select(_ => Row(L))], [.. Enumerable.Range(0, Windows).Select(_ => Row(H))]);
            TorchSharp.torch.manual_seed(context.SeedFor("torch"));
            using var forecaster = Expect.NotNull(pipeline.Train(training, context.Device), "Train");
            if (forecaster is not TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> module || !module.parameters().Any())
            {
                return Verdict.Fail(
                    $"Train returned a {forecaster.GetType().Name}, which is not a TorchSharp module with weights. Return the trained " +
                    "network itself, a module that implements IForecaster (as MlpForecaster in the stub).");
            }

            runs.Add([.. module.named_parameters().Select(p =>
                (p.name, p.parameter.detach().to(TorchSharp.torch.ScalarType.Float64).cpu().data<double>().ToArray()))]);
        }

        var untouched = runs[0].Zip(runs[1], (a, b) => (a.Name, Same: a.Name == b.Name && a.Values.SequenceEqual(b.Values)))
            .Where(pair => pair.Same).Select(pair => pair.Name).ToList();
        return Verdict.PassIf(
            untouched.Count == 0,
            $"trained from the same initial weights (the same torch seed) on two different sets of {Windows} random windows, the " +
            $"parameter(s) {string.Join(", ", untouched)} came out exactly the same: training never changed them. Give the optimizer " +
            "every parameter (model.parameters()) and let its step update each one, the first included: check the loop over the " +
            "parameters in your optimiser's step.",
            $"all {runs[0].Count} parameter tensors moved with the data");
    }

    // Summation order may differ from the reference's; the results agree far closer than this.
    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-10 * Math.Max(1, Math.Abs(b));

    private static bool AllClose(double[] a, double[] b) => a.Length == b.Length && a.Zip(b).All(pair => Close(pair.First, pair.Second));
}
