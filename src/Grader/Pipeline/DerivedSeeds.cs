using System.Globalization;
using System.Text.RegularExpressions;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// A safety net under the rule that no report shows a seed derived from the course secret: a
/// check helper shared with public checks may print "seed N" from its context, which for a
/// hidden check is the derived seed (or a neighbour: helpers use seed + 1, seed + 29 for other
/// data). Such numbers are replaced in that check's message, details and printed output.
/// </summary>
internal static class DerivedSeeds
{
    public const string Placeholder = "(a hidden seed)";

    public static ExerciseResult Redact(ExerciseResult result, IReadOnlyList<CheckDefinition> checks)
    {
        var derived = checks
            .Where(check => check.DeclaredSeed is not null && check.Seed != check.DeclaredSeed)
            .ToDictionary(check => check.Id, check => check.Seed);
        if (derived.Count == 0)
        {
            return result;
        }

        return result with
        {
            Checks = [.. result.Checks.Select(check => derived.TryGetValue(check.Id, out var seed)
                ? check with
                {
                    Message = Without(check.Message, seed),
                    TeacherMessage = check.TeacherMessage is { } full ? Without(full, seed) : null,
                    // From the teacher's copies: the learner's getters of a hidden check read empty.
                    Details = Without(check.TeacherDetails, seed),
                    Output = Without(check.TeacherOutput, seed),
                }
                : check)],
        };
    }

    // Derived seeds are uniform in [0, 2^31): a number within this distance of one is a seed
    // offset, not a count that happens to be near it. Small seeds (one in a thousand) are only
    // matched exactly, so that "1000 epochs" is never taken for one.
    private const int Neighbourhood = 1000;

    private static string Without(string text, int seed) =>
        Regex.Replace(text, "(?<![0-9.])[0-9]+(?![0-9])", match =>
            long.TryParse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && (number == seed || (seed > 1_000_000 && Math.Abs(number - seed) <= Neighbourhood))
                ? Placeholder
                : match.Value);
}
