namespace Autograder.Grader.Checks;

/// <summary>Numerical tools that checks share: finite differences, error measures, accuracy.</summary>
public static class Numerics
{
    /// <summary>Step of the central differences. In float64 this keeps the truncation error
    /// (order h^2) and the rounding error (order eps/h) both near 1e-10 for smooth functions.</summary>
    public const double DifferenceStep = 1e-6;

    /// <summary>
    /// <c>(f(p + h) - f(p - h)) / 2h</c>: the derivative of <paramref name="f"/> with respect to
    /// one parameter <c>p</c>, read with <paramref name="get"/> and written with
    /// <paramref name="set"/>. The parameter is restored afterwards.
    /// </summary>
    public static double CentralDifference(Func<double> f, Func<double> get, Action<double> set, double h = DifferenceStep)
    {
        var original = get();
        try
        {
            set(original + h);
            var plus = f();
            set(original - h);
            var minus = f();
            return (plus - minus) / (2 * h);
        }
        finally
        {
            set(original);
        }
    }

    /// <summary>
    /// The relative error the course uses: |a - n| / max(1e-8, |a| + |n|). Infinite when either
    /// value is not finite, so that a NaN gradient can never pass a comparison with a tolerance.
    /// </summary>
    public static double RelativeError(double analytic, double numeric) =>
        double.IsFinite(analytic) && double.IsFinite(numeric)
            ? Math.Abs(analytic - numeric) / Math.Max(1e-8, Math.Abs(analytic) + Math.Abs(numeric))
            : double.PositiveInfinity;

    public static bool AllFinite(IEnumerable<double> values) => values.All(double.IsFinite);

    public static double MaxAbsDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Count; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }

    /// <summary>Fraction of <paramref name="predicted"/> equal to <paramref name="labels"/>.</summary>
    public static double Accuracy(IReadOnlyList<int> predicted, IReadOnlyList<int> labels)
    {
        var correct = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }

        return (double)correct / labels.Count;
    }

    /// <summary>The accuracy of always answering the most frequent label: a trivial baseline.</summary>
    public static double MajorityBaseline(IReadOnlyList<int> labels) =>
        (double)labels.GroupBy(label => label).Max(group => group.Count()) / labels.Count;
}
