namespace Autograder.Checks.Hidden;

/// <summary>
/// The loop of the hidden checks that hold the learner's code to the oracle on random cases: one
/// instance of each and one stream of the check's random numbers serve every trial, in order, so
/// a seed always gives the same cases; the first trial that finds a mistake fails the check with it.
/// </summary>
internal static class OracleTrials
{
    /// <summary><paramref name="mistakeIn"/> is one trial: it draws its case, compares, and says what is wrong, or null.</summary>
    public static Verdict Run<TLearner, TOracle>(CheckContext context, int trials, Func<TLearner, TOracle, SeededRandom, string?> mistakeIn)
        where TLearner : class
        where TOracle : new()
    {
        var learner = context.Create<TLearner>();
        var oracle = new TOracle();
        var random = context.Random();
        return Mistakes.FirstIn(Enumerable.Range(0, trials), _ => mistakeIn(learner, oracle, random));
    }
}
