using Autograder.Checks.TimeSeries;
using Autograder.Grader.Checks;
using Autograder.Reference.Data;
using Autograder.Reference.TimeSeries;
using Oracle = Exercises.TimeSeries.ForecastingPipeline;

namespace Autograder.Checks.Hidden.TimeSeries;

/// <summary>
/// Exercise 06, hidden checks: exact agreement with the reference pipeline on random series,
/// the look-ahead checks on another split and horizon, and the forecast on another series.
/// </summary>
public sealed class TimeSeriesHiddenChecks : ICheckSource
{
    private static readonly ExerciseSpec Exercise = TimeSeriesChecks.Exercise;

    public IEnumerable<CheckDefinition> Checks() =>
    [
        Exercise.Check("windows-match-reference", "windows of random series and sizes", points: 1, seed: 6001, WindowsMatchReference, Visibility.Hidden),
        Exercise.Check("prepare-matches-reference", "Prepare agrees with the reference", points: 2, seed: 6002, PrepareMatchesReference, Visibility.Hidden),
        Exercise.Check("no-test-target-other-setup", "no look-ahead with another split and horizon", points: 1, seed: 6003,
            context => TimeSeriesChecks.NoTestTargetInTraining(context, length: 320, period: 12, new ForecastSetup(10, 4, 0.6)), Visibility.Hidden),
        Exercise.Check("normalization-other-setup", "training statistics only, with another split and horizon", points: 1, seed: 6004,
            context => TimeSeriesChecks.NormalizationFromTrainingOnly(context, length: 320, period: 12, new ForecastSetup(10, 4, 0.6)), Visibility.Hidden),
        Exercise.Check("beats-seasonal-naive-other-series", "half of seasonal naive on another series", points: 3, seed: 6005,
            context => TimeSeriesChecks.BeatsSeasonalNaive(context, new ForecastTask(Length: 2400, Period: 24, InputLength: 48, TrainFraction: 0.8)),
            Visibility.Hidden),
    ];

    private static Verdict WindowsMatchReference(CheckContext context)
    {
        var learner = context.Create<IForecastingPipeline>();
        var oracle = new Oracle();
        var random = context.Random();
        for (var trial = 0; trial < 100; trial++)
        {
            var series = Enumerable.Range(0, 1 + random.NextInt(60)).Select(_ => random.Gaussian()).ToArray();
            var (l, h) = (1 + random.NextInt(10), 1 + random.NextInt(5));
            var theirs = TimeSeriesChecks.ExpectWindows(learner.MakeWindows((double[])series.Clone(), l, h), l, h, "MakeWindows");
            var ours = oracle.MakeWindows(series, l, h);
            if (theirs.Count != ours.Count)
            {
                return Verdict.Fail(
                    $"MakeWindows on a series of {series.Length} values with L = {l}, H = {h} returned {theirs.Count} windows; a series " +
                    "gives max(0, length - L - H + 1): one window for every start that leaves room for L inputs and H targets.");
            }

            for (var i = 0; i < ours.Count; i++)
            {
                if (!theirs.Inputs[i].SequenceEqual(ours.Inputs[i]) || !theirs.Targets[i].SequenceEqual(ours.Targets[i]))
                {
                    return Verdict.Fail(
                        $"MakeWindows on a random series of {series.Length} values with L = {l}, H = {h}: window {i} differs from " +
                        "series[i .. i + L - 1] followed by the targets series[i + L .. i + L + H - 1].");
                }
            }
        }

        return Verdict.Pass();
    }

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

    // Summation order may differ from the reference's; the results agree far closer than this.
    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-10 * Math.Max(1, Math.Abs(b));

    private static bool AllClose(double[] a, double[] b) => a.Length == b.Length && a.Zip(b).All(pair => Close(pair.First, pair.Second));
}
