using Autograder.Grader.Policy;
using Autograder.Reference.TimeSeries;

namespace Autograder.Checks.TimeSeries;

/// <summary>
/// Exercise 06, public checks. Expected windows, splits and statistics are literal data worked
/// out by hand; the look-ahead checks need no oracle (they compare your pipeline with itself on
/// two series that differ only after the split); the forecast is judged against seasonal naive.
/// </summary>
public sealed class TimeSeriesChecks() : CheckSource(Exercise)
{
    internal static readonly BannedApi NoSeriesGenerator = new(
        "Autograder.Reference.Data.SeasonalSeries",
        "the checks generate the series they test on; a submission that generates it too could look answers up instead of " +
        "forecasting them. Try your code on a series from a scratch project, or on one you write into a test.");

    // Declared after the bans it uses: static fields initialise in order.
    public static readonly ExerciseSpec Exercise = ExerciseKinds.OnDevice("06-time-series", "Time-series forecasting", returnsArrays: true, NoSeriesGenerator);

    /// <summary>The public forecasting task: about twelve weeks of hourly values with a daily season.</summary>
    internal static readonly ForecastTask PublicTask = new(Length: 2000, Period: 24, InputLength: 36, TrainFraction: 0.75);

    /// <summary>At most this share of the seasonal-naive RMSE (CURRICULUM row 06).</summary>
    internal const double RmseRatioBound = 0.5;

    public override IEnumerable<ExerciseSpec> Exercises => [Exercise];

    [Check("windows-shape-and-alignment", "windows have the right shape and the target follows the input", Points = 2, Seed = 0)]
    private static Verdict WindowsShapeAndAlignment(CheckContext context)
    {
        var pipeline = context.Create<IForecastingPipeline>();
        double[] series = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
        // Worked by hand: window i has inputs series[i .. i+L-1] and targets series[i+L .. i+L+H-1].
        (int L, int H, double[][] Inputs, double[][] Targets)[] cases =
        [
            (3, 1,
                [[10, 11, 12], [11, 12, 13], [12, 13, 14], [13, 14, 15], [14, 15, 16], [15, 16, 17], [16, 17, 18]],
                [[13], [14], [15], [16], [17], [18], [19]]),
            (4, 2,
                [[10, 11, 12, 13], [11, 12, 13, 14], [12, 13, 14, 15], [13, 14, 15, 16], [14, 15, 16, 17]],
                [[14, 15], [15, 16], [16, 17], [17, 18], [18, 19]]),
            (6, 4, [[10, 11, 12, 13, 14, 15]], [[16, 17, 18, 19]]),
            (8, 3, [], []),
        ];
        foreach (var (l, h, inputs, targets) in cases)
        {
            var what = $"MakeWindows({Show.Vector(series)}, L = {l}, H = {h})";
            var windows = Expect.NotNull(pipeline.MakeWindows((double[])series.Clone(), l, h), "MakeWindows");
            if (windows.Inputs is null || windows.Targets is null)
            {
                return Verdict.Fail($"{what} returned a WindowSet with null Inputs or Targets; return empty arrays when there are no windows.");
            }

            if (windows.Inputs.Length != inputs.Length || windows.Targets.Length != inputs.Length)
            {
                return Verdict.Fail(
                    $"{what} returned {windows.Inputs.Length} inputs and {windows.Targets.Length} targets, expected {inputs.Length} windows. " +
                    "A window needs L inputs and then H targets inside the series, and a new window starts at every step: " +
                    $"N = length - L - H + 1 = 10 - {l} - {h} + 1{(inputs.Length == 0 ? ", which is below 1, so none" : "")}.");
            }

            for (var i = 0; i < inputs.Length; i++)
            {
                var seenInput = windows.Inputs[i];
                var seenTarget = windows.Targets[i];
                if (seenInput is not null && seenTarget is not null
                    && seenInput.SequenceEqual(inputs[i]) && seenTarget.SequenceEqual(targets[i]))
                {
                    continue;
                }

                var message =
                    $"{what}, window {i}: expected inputs {Show.Vector(inputs[i], 8)} and targets {Show.Vector(targets[i], 8)}; " +
                    $"yours inputs {Display(seenInput)} and targets {Display(seenTarget)}. ";
                return Verdict.Fail(message + AlignmentHint(seenInput, seenTarget, l, h));
            }
        }

        return Verdict.Pass();

        static string Display(double[]? values) => values is null ? "null" : Show.Vector(values, 8);
    }

    private static string AlignmentHint(double[]? input, double[]? target, int l, int h)
    {
        if (input is not null && target is not null && target.Intersect(input).Any())
        {
            return "Your target overlaps its input: a value the model is asked to forecast is already among the values it is shown, " +
                "so it can learn to copy instead of to forecast. The target starts right after the input ends: " +
                $"Targets[i] = series[i + L .. i + L + H - 1] = series[i + {l} .. i + {l + h - 1}].";
        }

        return $"Inputs[i] = series[i .. i + L - 1] ({l} values), Targets[i] = series[i + L .. i + L + H - 1] ({h} values), " +
            "in order, one window starting at every step.";
    }

    [Check("split-chronological", "the split keeps time order", Points = 1, Seed = 0)]
    private static Verdict SplitChronological(CheckContext context)
    {
        var pipeline = context.Create<IForecastingPipeline>();
        double[] series = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0];
        // floor(0.75 * 10) = 7 and floor(0.5 * 10) = 5 values train; order kept, never sorted.
        (double Fraction, double[] Train, double[] Test)[] cases =
        [
            (0.75, [5, 3, 8, 1, 9, 2, 7], [4, 6, 0]),
            (0.5, [5, 3, 8, 1, 9], [2, 7, 4, 6, 0]),
        ];
        foreach (var (fraction, train, test) in cases)
        {
            var split = Expect.NotNull(pipeline.Split((double[])series.Clone(), fraction), "Split");
            if (split.Train is null || split.Test is null || !split.Train.SequenceEqual(train) || !split.Test.SequenceEqual(test))
            {
                return Verdict.Fail(
                    $"Split({Show.Vector(series, 10)}, {Show.Number(fraction)}): expected train {Show.Vector(train, 10)} and test {Show.Vector(test, 10)}; " +
                    $"yours train {ShowOrNull(split.Train)} and test {ShowOrNull(split.Test)}. " +
                    "A time series is split by time: the first floor(trainFraction * length) values are for training, the rest, " +
                    "later in time, for testing. Shuffling or sorting first would let the model learn from the future it is tested on.");
            }
        }

        return Verdict.Pass();

        static string ShowOrNull(double[]? values) => values is null ? "null" : Show.Vector(values, 10);
    }

    [Check("normalizer-statistics", "mean and standard deviation of the training part", Points = 1, Seed = 0)]
    private static Verdict NormalizerStatistics(CheckContext context)
    {
        var pipeline = context.Create<IForecastingPipeline>();
        // Worked by hand: [2, 4, 4, 4, 5, 5, 7, 9] has mean 5 and squared deviations summing to 32,
        // so 32 / 8 = 4 and the population standard deviation is 2 (dividing by 7 would give 2.138).
        // [1, 2, 3, 4]: mean 2.5, variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
        (double[] Values, double Mean, double Deviation)[] cases =
        [
            ([2, 4, 4, 4, 5, 5, 7, 9], 5, 2),
            ([1, 2, 3, 4], 2.5, Math.Sqrt(1.25)),
        ];
        foreach (var (values, mean, deviation) in cases)
        {
            var normalizer = Expect.NotNull(pipeline.FitNormalizer((double[])values.Clone()), "FitNormalizer");
            if (Math.Abs(normalizer.Mean - mean) > 1e-12 || Math.Abs(normalizer.StandardDeviation - deviation) > 1e-12)
            {
                var sample = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
                var hint = Math.Abs(normalizer.StandardDeviation - sample) < 1e-9
                    ? "Your standard deviation divides by n - 1 (the sample estimate); this exercise uses the population one: divide by n."
                    : "Mean = sum / n; standard deviation = sqrt(sum of (x - mean)^2 / n).";
                return Verdict.Fail(
                    $"FitNormalizer({Show.Vector(values, 10)}): expected mean {Show.Number(mean)} and standard deviation {Show.Number(deviation)}; " +
                    $"yours {Show.Number(normalizer.Mean)} and {Show.Number(normalizer.StandardDeviation)}. {hint}");
            }
        }

        return Verdict.Pass();
    }

    [Check("no-test-target-in-training", "no training window reaches into the test part", Points = 2, Seed = 62)]
    private static Verdict NoTestTargetInTraining(CheckContext context) =>
        NoTestTargetInTraining(context, length: 240, period: 24, new ForecastSetup(12, 2, 0.75));

    /// <summary>
    /// Undoes the learner's normalisation and finds where every window value came from in the
    /// series (its values are all different), so that each window's position in time is known.
    /// </summary>
    internal static Verdict NoTestTargetInTraining(CheckContext context, int length, int period, ForecastSetup setup)
    {
        var pipeline = context.Create<IForecastingPipeline>();
        var series = SeasonalSeries.Generate(length, period, context.Seed);
        var prepared = Expect.NotNull(pipeline.Prepare((double[])series.Clone(), setup), "Prepare");
        var cut = (int)Math.Floor(setup.TrainFraction * length);
        var (l, h) = (setup.InputLength, setup.Horizon);
        var normalizer = Expect.NotNull(prepared.Normalizer, "Prepare's Normalizer");
        var training = ExpectWindows(prepared.Training, l, h, "Prepare's Training windows");
        var test = ExpectWindows(prepared.Test, l, h, "Prepare's Test windows");
        var locate = new SeriesIndex(series, normalizer);
        var where = $"a series of {length} values split at t = {cut} (L = {l}, H = {h}, trainFraction {Show.Number(setup.TrainFraction)})";

        for (var i = 0; i < training.Count; i++)
        {
            var start = locate.Find(training.Inputs[i][0], $"training window {i}", where);
            var last = locate.Find(training.Targets[i][^1], $"training window {i}", where);
            if (last >= cut)
            {
                return Verdict.Fail(
                    $"On {where}: training window {i} has its last target at t = {last}, but the test part starts at t = {cut}. " +
                    "A value the model is tested on was shown to it as a training target: that is look-ahead, and the test score " +
                    "would flatter the model. Make the training windows from the training part only.");
            }

            var firstTarget = locate.Find(training.Targets[i][0], $"training window {i}", where);
            if (firstTarget < start + l && firstTarget >= start)
            {
                return Verdict.Fail(
                    $"On {where}: training window {i} has its inputs at t = {start} .. {start + l - 1} and its first target at t = {firstTarget}, " +
                    "inside its own input. The model can then copy the target instead of forecasting it. The target starts right " +
                    $"after the input: t = {start + l}.");
            }

            if (!SameValues(training.Inputs[i].Concat(training.Targets[i]), locate.Slice(start, l + h), normalizer))
            {
                return Verdict.Fail(
                    $"On {where}: training window {i} starts at t = {start}, but its values are not series[{start} .. {start + l + h - 1}] in order. " +
                    "Inputs are L consecutive values, and the H targets are the values right after them.");
            }
        }

        var expectedTraining = cut - l - h + 1;
        if (training.Count != expectedTraining)
        {
            return Verdict.Fail(
                $"On {where}: Prepare made {training.Count} training windows, expected {expectedTraining} = {cut} - L - H + 1, " +
                "one for every start in the training part whose targets still lie before the split.");
        }

        var expectedTest = length - cut - h + 1;
        if (test.Count != expectedTest)
        {
            return Verdict.Fail(
                $"On {where}: Prepare made {test.Count} test windows, expected {expectedTest} = {length} - {cut} - H + 1: " +
                $"one for every target start from t = {cut} on. Make them from series[{cut} - L ..]: " +
                "their inputs may reach back into the training part (the past is known when forecasting), their targets may not.");
        }

        for (var i = 0; i < test.Count; i++)
        {
            var first = locate.Find(test.Targets[i][0], $"test window {i}", where);
            if (first != cut + i || !SameValues(test.Inputs[i].Concat(test.Targets[i]), locate.Slice(cut + i - l, l + h), normalizer))
            {
                return Verdict.Fail(
                    $"On {where}: test window {i} should forecast series[{cut + i} ..] from the {l} values before it; " +
                    $"yours has its first target at t = {first}. The first test target is the first value of the test part, t = {cut}, " +
                    $"so build the test windows from series[{cut} - L ..].");
            }
        }

        return Verdict.Pass($"{training.Count} training windows end before t = {cut}; {test.Count} test windows forecast t >= {cut}");
    }

    [Check("normalization-from-training-only", "changing the test part moves no training statistic", Points = 2, Seed = 63)]
    private static Verdict NormalizationFromTrainingOnly(CheckContext context) =>
        NormalizationFromTrainingOnly(context, length: 240, period: 24, new ForecastSetup(12, 2, 0.75));

    /// <summary>
    /// Prepares two series that agree before the split and differ wildly after it: nothing fitted
    /// on the training part may move, bit for bit.
    /// </summary>
    internal static Verdict NormalizationFromTrainingOnly(CheckContext context, int length, int period, ForecastSetup setup)
    {
        var pipeline = context.Create<IForecastingPipeline>();
        var original = SeasonalSeries.Generate(length, period, context.Seed);
        var cut = (int)Math.Floor(setup.TrainFraction * length);
        var random = context.Random(1);
        var changed = (double[])original.Clone();
        for (var t = cut; t < length; t++)
        {
            changed[t] = (3 * changed[t]) + 50 + random.Gaussian();
        }

        var before = Expect.NotNull(pipeline.Prepare((double[])original.Clone(), setup), "Prepare");
        var after = Expect.NotNull(pipeline.Prepare(changed, setup), "Prepare");
        var a = Expect.NotNull(before.Normalizer, "Prepare's Normalizer");
        var b = Expect.NotNull(after.Normalizer, "Prepare's Normalizer");
        var what = $"changing only the test part (t >= {cut} of {length}; L = {setup.InputLength}, H = {setup.Horizon}, trainFraction {Show.Number(setup.TrainFraction)})";
        if (!a.Mean.Equals(b.Mean) || !a.StandardDeviation.Equals(b.StandardDeviation))
        {
            return Verdict.Fail(
                $"{what} moved your normaliser: mean {Show.Number(a.Mean)} became {Show.Number(b.Mean)}, standard deviation " +
                $"{Show.Number(a.StandardDeviation)} became {Show.Number(b.StandardDeviation)}. The statistics were fitted on data that " +
                "includes the test part, so the model's inputs carry information from the future. Fit the normaliser on the training " +
                "part only (the first value Split returns) and apply those same statistics to the test windows.");
        }

        var first = ExpectWindows(before.Training, setup.InputLength, setup.Horizon, "Prepare's Training windows");
        var second = ExpectWindows(after.Training, setup.InputLength, setup.Horizon, "Prepare's Training windows");
        if (first.Count != second.Count)
        {
            return Verdict.Fail(
                $"{what} changed the number of training windows from {first.Count} to {second.Count}; the training windows must " +
                "depend on the training part only.");
        }

        if (FirstDifferentWindow(first, second) is { } i)
        {
            return Verdict.Fail(
                $"{what} changed training window {i}, though your normaliser stayed the same. A training window may hold only values " +
                "from before the split; make them from the training part that Split returns.");
        }

        return Verdict.Pass($"normaliser and all {first.Count} training windows unchanged");
    }

    [Check("beats-seasonal-naive", "test RMSE at most half of seasonal naive", Points = 3, Seed = 61)]
    private static Verdict BeatsSeasonalNaive(CheckContext context) => BeatsSeasonalNaive(context, PublicTask);

    /// <summary>
    /// Trains the learner's forecaster on their prepared windows, forecasts one step ahead over
    /// the whole test part (test inputs made here, normalised with the learner's statistics) and
    /// compares the RMSE, in the units of the series, with repeating the value one season ago.
    /// </summary>
    internal static Verdict BeatsSeasonalNaive(CheckContext context, ForecastTask task)
    {
        torch.manual_seed(context.SeedFor("torch"));
        var pipeline = context.Create<IForecastingPipeline>();
        var series = SeasonalSeries.Generate(task.Length, task.Period, context.Seed);
        var cut = (int)Math.Floor(task.TrainFraction * task.Length);
        // The check prepares the data itself, from the training part only: Train and Predict never
        // hold the test part (Prepare has checks of its own), so nothing of it can be remembered.
        var training = series[..cut];
        var normalizer = FitOwnNormalizer(training);
        var windows = Enumerable.Range(0, cut - task.InputLength).ToArray();
        var trainingSet = new WindowSet(
            [.. windows.Select(i => normalizer.Normalize(training[i..(i + task.InputLength)]))],
            [.. windows.Select(i => new[] { normalizer.Normalize(training[i + task.InputLength]) })]);
        var inputs = Enumerable.Range(cut, task.Length - cut)
            .Select(t => normalizer.Normalize(series[(t - task.InputLength)..t]))
            .ToArray();

        using var forecaster = Expect.NotNull(pipeline.Train(trainingSet, context.Device), "Train");
        // One window per call, in time order: when window i is forecast, the forecaster has seen
        // only values before its target, as in real use. In one batch, window i + 1 would hold
        // window i's answer as its last input.
        var forecasts = new double[inputs.Length][];
        for (var i = 0; i < inputs.Length; i++)
        {
            var answer = Expect.NotNull(forecaster.Predict([(double[])inputs[i].Clone()]), "Predict");
            if (answer.Length != 1 || answer[0] is null || answer[0].Length != 1)
            {
                return Verdict.Fail(
                    $"Predict on one window of L = {task.InputLength} values returned {answer.Length} rows; expected one row of H = 1 value " +
                    "(one row per input window).");
            }

            forecasts[i] = answer[0];
        }

        double model = 0, naive = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var t = cut + i;
            var forecast = normalizer.Denormalize(forecasts[i][0]);
            model += (series[t] - forecast) * (series[t] - forecast);
            naive += (series[t] - series[t - task.Period]) * (series[t] - series[t - task.Period]);
        }

        var modelRmse = Math.Sqrt(model / inputs.Length);
        if (FromTrainedWeights(forecaster, inputs, forecasts, normalizer, series, cut, modelRmse) is { } notTheModel)
        {
            return notTheModel;
        }

        var naiveRmse = Math.Sqrt(naive / inputs.Length);
        var ratio = modelRmse / naiveRmse;
        var summary = $"test RMSE {Show.Number(modelRmse)}, seasonal naive {Show.Number(naiveRmse)} (ratio {Show.Number(ratio)})";
        var errors = Enumerable.Range(0, inputs.Length)
            .Select(i => Math.Abs(series[cut + i] - normalizer.Denormalize(forecasts[i][0])));
        return Verdict.PassIf(
            double.IsFinite(ratio) && ratio <= RmseRatioBound,
            $"one step ahead over the {inputs.Length} test values of a series with period {task.Period} (L = {task.InputLength}): {summary}; " +
            $"expected a ratio of at most {Show.Number(RmseRatioBound)}. Seasonal naive repeats the value one season ago; the last " +
            "values of the window tell a model much more, because the noise lingers. The check normalised the windows with the " +
            "training part's statistics and asked for one window at a time, in time order. Check that Train minimises the squared " +
            "error on the normalised windows until the loss stops falling, and that Predict runs the trained model on the window it " +
            "is given (in eval mode, without gradients) and returns normalised values.",
            summary)
            .WithMeasurement("test RMSE / seasonal naive RMSE", ratio, RmseRatioBound, higherIsBetter: false)
            .WithCurve("absolute error over the test part", errors);
    }

    /// <summary>
    /// The forecasts must be the trained module's: Predict equal to the module's forward, computed by
    /// the check, and the forecasts much worse once the check sets every weight to zero. A rule
    /// written by hand (the last value plus last season's change, say) forecasts without weights.
    /// </summary>
    private static Verdict? FromTrainedWeights(
        IForecaster forecaster, double[][] inputs, double[][] forecasts, Normalizer normalizer, double[] series, int cut, double modelRmse)
    {
        if (forecaster is not torch.nn.Module<torch.Tensor, torch.Tensor> module || !module.parameters().Any())
        {
            return Verdict.Fail(
                $"Train returned a {forecaster.GetType().Name}, which is not a TorchSharp module with weights. Return the trained " +
                "network itself, a module that implements IForecaster (as MlpForecaster in the stub): its forecasts must come from " +
                "weights that training set.");
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var parameters = module.parameters().ToArray();
        var device = parameters[0].device;
        var width = inputs[0].Length;
        using var batch = torch.tensor(inputs.SelectMany(row => row.Select(v => (float)v)).ToArray(), [inputs.Length, width], device: device);

        double[] Forward()
        {
            module.eval();
            return [.. module.forward(batch).reshape(inputs.Length).to(torch.ScalarType.Float64).cpu().data<double>()];
        }

        var own = Forward();
        var gap = own.Zip(forecasts, (a, b) => Math.Abs(a - b[0])).Max();
        if (!(gap <= 1e-4))
        {
            return Verdict.Fail(
                $"Predict differs by up to {Show.Number(gap)} (in normalised units) from the forward pass of the module Train returned, " +
                "run by the check on the same windows. Predict must run the trained module on the windows it is given, nothing else.");
        }

        var saved = parameters.Select(p => p.detach().clone()).ToArray();
        foreach (var parameter in parameters)
        {
            parameter.zero_();
        }

        double zeroed;
        try
        {
            var zeroForecasts = Forward();
            zeroed = Math.Sqrt(zeroForecasts.Select((z, i) => Math.Pow(series[cut + i] - normalizer.Denormalize(z), 2)).Average());
        }
        finally
        {
            foreach (var (parameter, value) in parameters.Zip(saved))
            {
                parameter.copy_(value);
            }
        }

        return zeroed >= 1.5 * modelRmse
            ? null
            : Verdict.Fail(
                $"with every weight of your module set to zero the test RMSE is {Show.Number(zeroed)}, against {Show.Number(modelRmse)} " +
                "with its trained weights: the forecasts do not come from what training learned. forward must compute the forecast " +
                "from the module's layers, whose weights Train fits to the training windows.")
            .WithMeasurement("RMSE with zeroed weights / trained RMSE", zeroed / modelRmse, 1.5, higherIsBetter: true);
    }

    /// <summary>The check's own training statistics: mean and population standard deviation.</summary>
    private static Normalizer FitOwnNormalizer(double[] values)
    {
        var mean = values.Average();
        return new Normalizer(mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length));
    }

    internal static WindowSet ExpectWindows(WindowSet? windows, int inputLength, int horizon, string what)
    {
        Expect.NotNull(windows, what);
        if (windows!.Inputs is null || windows.Targets is null || windows.Inputs.Length != windows.Targets.Length)
        {
            throw new CheckFailedException($"{what} need as many target rows as input rows (and neither null).");
        }

        for (var i = 0; i < windows.Count; i++)
        {
            if (windows.Inputs[i]?.Length != inputLength || windows.Targets[i]?.Length != horizon)
            {
                throw new CheckFailedException(
                    $"{what}: window {i} has {windows.Inputs[i]?.Length ?? 0} inputs and {windows.Targets[i]?.Length ?? 0} targets, " +
                    $"expected L = {inputLength} and H = {horizon}.");
            }
        }

        return windows;
    }

    /// <summary>The first window whose inputs or targets differ between two sets of as many windows, or null.</summary>
    internal static int? FirstDifferentWindow(WindowSet a, WindowSet b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (!a.Inputs[i].SequenceEqual(b.Inputs[i]) || !a.Targets[i].SequenceEqual(b.Targets[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static bool SameValues(IEnumerable<double> normalised, IReadOnlyList<double> raw, Normalizer normalizer)
    {
        var values = normalised.Select(normalizer.Denormalize).ToArray();
        return raw.Count > 0 && values.Length == raw.Count
            && values.Zip(raw).All(pair => Math.Abs(pair.First - pair.Second) <= SeriesIndex.Tolerance);
    }

    /// <summary>Positions of values in a series whose values are all different.</summary>
    private sealed class SeriesIndex(double[] series, Normalizer normalizer)
    {
        // Denormalising a normalised value is exact to about 1e-15; neighbouring values of the
        // generated series are orders of magnitude further apart.
        public const double Tolerance = 1e-9;

        private readonly (double Value, int Index)[] _sorted =
            [.. series.Select((value, index) => (value, index)).OrderBy(pair => pair.value)];

        public int Find(double normalised, string window, string where)
        {
            var value = normalizer.Denormalize(normalised);
            var position = Array.BinarySearch(_sorted, (value, int.MinValue), Comparer<(double Value, int Index)>.Create((x, y) => x.Value.CompareTo(y.Value)));
            position = position < 0 ? ~position : position;
            foreach (var candidate in new[] { position - 1, position, position + 1 })
            {
                if (candidate >= 0 && candidate < _sorted.Length && Math.Abs(_sorted[candidate].Value - value) <= Tolerance)
                {
                    return _sorted[candidate].Index;
                }
            }

            throw new CheckFailedException(
                $"On {where}: a value of {window}, mapped back with your normaliser (z * StandardDeviation + Mean, with mean " +
                $"{Show.Number(normalizer.Mean)} and standard deviation {Show.Number(normalizer.StandardDeviation)}), is {Show.Number(value)}, " +
                "which is not in the series. Windows hold values of the series normalised with the Normalizer that Prepare returns: " +
                "(x - Mean) / StandardDeviation, nothing else.");
        }

        public double[] Slice(int start, int count) =>
            start < 0 || start + count > series.Length ? [] : series[start..(start + count)];
    }
}

/// <summary>A forecasting problem for the RMSE checks: one step ahead on a generated series.</summary>
internal sealed record ForecastTask(int Length, int Period, int InputLength, double TrainFraction);
