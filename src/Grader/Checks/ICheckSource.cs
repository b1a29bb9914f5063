namespace Autograder.Grader.Checks;

/// <summary>
/// A set of checks, usually one exercise's public or hidden ones. The catalog finds every
/// implementation in the check assemblies it is given; each needs a public parameterless
/// constructor. The course's sources derive from <see cref="CheckSource"/>, which declares each
/// check on its method.
/// </summary>
public interface ICheckSource
{
    /// <summary>Exercises this source defines (the public source of an exercise defines it).</summary>
    IEnumerable<ExerciseSpec> Exercises => [];

    IEnumerable<CheckDefinition> Checks();
}
