namespace Autograder.Checks;

/// <summary>For checks that put the learner's code through a list of cases, one after another.</summary>
internal static class Mistakes
{
    /// <summary>
    /// Fails with the first mistake <paramref name="mistakeIn"/> finds, case by case in order (it
    /// returns null for a case that is right); passes when every case is right.
    /// </summary>
    public static Verdict FirstIn<T>(IEnumerable<T> cases, Func<T, string?> mistakeIn)
    {
        foreach (var item in cases)
        {
            if (mistakeIn(item) is { } mistake)
            {
                return Verdict.Fail(mistake);
            }
        }

        return Verdict.Pass();
    }
}
