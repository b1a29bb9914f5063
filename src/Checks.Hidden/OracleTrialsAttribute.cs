using System.Reflection;

namespace Autograder.Checks.Hidden;

/// <summary>
/// Declares a hidden check that holds the learner's code to the oracle on random cases, written as
/// one trial: <c>static string? Name(TLearner learner, TOracle oracle, SeededRandom random)</c> draws
/// its case, compares, and says what is wrong, or null. One instance of each and one stream of the
/// check's random numbers serve every trial, in order, so a seed always gives the same cases; the
/// first trial that finds a mistake fails the check with it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
internal sealed class OracleTrialsAttribute(int trials) : CheckShapeAttribute
{
    public int Trials { get; } = trials;

    public override Func<CheckContext, Verdict> RunOf(MethodInfo method)
    {
        if (method is not { IsStatic: true } || method.ReturnType != typeof(string)
            || method.GetParameters() is not [{ ParameterType: var learner }, { ParameterType: var oracle }, { ParameterType: var random }]
            || random != typeof(SeededRandom) || !learner.IsInterface || oracle.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException(
                $"{method.DeclaringType?.FullName}.{method.Name} is declared oracle trials but is not a " +
                $"static string? {method.Name}(ILearnerContract learner, Oracle oracle, SeededRandom random), with an oracle that has a public parameterless constructor.");
        }

        // Bound once, here: the run calls the trial through a typed delegate, so an exception from
        // the learner's code reaches the grader as it was thrown, not wrapped by reflection.
        var bind = typeof(OracleTrialsAttribute).GetMethod(nameof(Bind), BindingFlags.Static | BindingFlags.NonPublic)!.MakeGenericMethod(learner, oracle);
        return (Func<CheckContext, Verdict>)bind.Invoke(null, [Trials, method])!;
    }

    private static Func<CheckContext, Verdict> Bind<TLearner, TOracle>(int trials, MethodInfo method)
        where TLearner : class
        where TOracle : new()
    {
        var mistakeIn = method.CreateDelegate<Func<TLearner, TOracle, SeededRandom, string?>>();
        return context =>
        {
            var learner = context.Create<TLearner>();
            var oracle = new TOracle();
            var random = context.Random();
            return Mistakes.FirstIn(Enumerable.Range(0, trials), _ => mistakeIn(learner, oracle, random));
        };
    }
}
