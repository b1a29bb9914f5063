using System.Globalization;

namespace Autograder.Grader.Checks;

/// <summary>Formats numbers for messages: short, invariant culture, readable at any magnitude.</summary>
public static class Show
{
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+infinity" : "-infinity";
        }

        var magnitude = Math.Abs(value);
        if (value == Math.Round(value) && magnitude < 1e6)
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        return magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)
            ? value.ToString("0.###e+0", CultureInfo.InvariantCulture)
            : value.ToString("0.000", CultureInfo.InvariantCulture);
    }

    /// <summary>Seven significant digits: for values that agree to three decimals and still differ, like gradients.</summary>
    public static string Precise(double value) =>
        double.IsFinite(value) ? value.ToString("G7", CultureInfo.InvariantCulture) : Number(value);

    /// <summary>A vector, shortened in the middle when long.</summary>
    public static string Vector(IReadOnlyList<double> values, int keep = 6)
    {
        if (values.Count <= keep)
        {
            return "[" + string.Join(", ", values.Select(Number)) + "]";
        }

        var head = values.Take(keep / 2).Select(Number);
        var tail = values.Skip(values.Count - (keep / 2)).Select(Number);
        return "[" + string.Join(", ", head) + ", ..., " + string.Join(", ", tail) + "]";
    }

    public static string Percent(double fraction) =>
        (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>true or false, as C# writes them in code (not True/False).</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    public static string Integers(IEnumerable<int> values) => "[" + string.Join(", ", values) + "]";
}
