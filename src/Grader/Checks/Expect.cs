namespace Autograder.Grader.Checks;

/// <summary>
/// Guards on learners' return values, so that a wrong shape ends a check with a clear message
/// instead of an exception inside the check.
/// </summary>
public static class Expect
{
    public static T NotNull<T>(T? value, string what)
        where T : class =>
        value ?? throw new CheckFailedException($"{what} returned null; it should return a value.");

    public static double[] Length(double[]? values, int length, string what)
    {
        NotNull(values, what);
        return values!.Length == length
            ? values
            : throw new CheckFailedException($"{what} returned {values.Length} values, expected {length}.");
    }

    public static double[][] Shape(double[][]? rows, int count, int width, string what)
    {
        NotNull(rows, what);
        if (rows!.Length != count)
        {
            throw new CheckFailedException($"{what} returned {rows.Length} rows, expected {count}.");
        }

        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is null || rows[i].Length != width)
            {
                throw new CheckFailedException(
                    $"{what} row {i} has {rows[i]?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} values, expected {width}.");
            }
        }

        return rows;
    }
}
