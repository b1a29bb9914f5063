using Autograder.Grader.Checks;

namespace Autograder.Grader.Cli.Commands;

/// <summary>The seeds `grader grade` and `grader batch` grade with.</summary>
internal static class CourseSeeds
{
    /// <summary>
    /// Hidden checks' seeds derived from the course secret, declared seeds when the catalog has no
    /// hidden checks. The secret is read here, before grading starts, so a missing or broken one
    /// stops the run with its message; a grader without hidden checks (the student copy) never
    /// needs one.
    /// </summary>
    /// <exception cref="CourseSecretException">The secret is missing or broken; the message says how to fix it.</exception>
    public static SeedResolver For(CheckCatalog catalog, string? courseSecretFile) =>
        catalog.AllChecks.Any(check => check.Visibility == Visibility.Hidden)
            ? new SeedResolver(CourseSecret.ForThisCourse(courseSecretFile))
            : SeedResolver.Declared;
}
