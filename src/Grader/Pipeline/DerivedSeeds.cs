using System.Globalization;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// A safety net under the rule that no report shows a seed derived from the course secret: a
/// check helper shared with public checks may print "seed N" from its context, which for a
/// hidden check is the derived seed. Its digits are replaced in that check's message and details.
/// </summary>
internal static class DerivedSeeds
{
    public const string Placeholder = "(a hidden seed)";

    public static ExerciseResult Redact(ExerciseResult result, IReadOnlyList<CheckDefinition> checks)
    {
        var derived = checks
            .Where(check => check.DeclaredSeed is not null && check.Seed != check.DeclaredSeed)
            .ToDictionary(check => check.Id, check => check.Seed.ToString(CultureInfo.InvariantCulture));
        if (derived.Count == 0)
        {
            return result;
        }

        return result with
        {
            Checks = [.. result.Checks.Select(check => derived.TryGetValue(check.Id, out var seed)
                ? check with { Message = Without(check.Message, seed), Details = Without(check.Details, seed), Output = Without(check.Output, seed) }
                : check)],
        };
    }

    // Whole numbers only: the digits of a seed inside a longer number are left alone.
    private static string Without(string text, string seed) =>
        text.Contains(seed, StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(text, $@"(?<![0-9]){seed}(?![0-9])", Placeholder)
            : text;
}
