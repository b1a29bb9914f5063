using System.Globalization;

namespace Autograder.Tools.Mutate;

internal sealed record Options
{
    public const string Usage =
        """
        usage: dotnet run --project tools/Mutate -c Release -- [--exercise ID]... [--max N [--rest]] [--mutant ID]... [--jobs J]
               [--solutions DIR] [--equivalent FILE] [--survivors FILE] [--course-secret FILE]
          --exercise ID      mutate this exercise's solution (repeatable; default: all)
          --max N            grade at most N mutants per exercise (every k-th, the same each run)
          --rest             with --max N: grade the mutants that sample leaves out instead
          --mutant ID        grade only this mutant (repeatable; the ID as the tool prints it)
          --jobs J           mutants graded at once, one worker process each (default 1)
          --time-limit S     each exercise's wall-clock limit in seconds (default: the grader's, twice
                             the exercise's budget); for a loaded machine, where the reference
                             itself runs out of time. Time-outs are graded again at twice this.
          --solutions DIR    the reference solutions (default: solutions)
          --equivalent FILE  reviewed equivalent mutants (default: tools/Mutate/equivalent.txt)
          --survivors FILE   also write the table and the survivors (markdown) to FILE
          --course-secret F  as for `grader grade`
        """;

    public List<string> Exercises { get; } = [];

    public int? Max { get; private set; }

    public bool Rest { get; private set; }

    public HashSet<string> Mutants { get; } = new(StringComparer.Ordinal);

    public int Jobs { get; private set; } = 1;

    public TimeSpan? TimeLimit { get; private set; }

    public string Solutions { get; private set; } = "solutions";

    public string EquivalentFile { get; private set; } = Path.Combine("tools", "Mutate", "equivalent.txt");

    public string? SurvivorsFile { get; private set; }

    public string? CourseSecret { get; private set; }

    public static Options? Parse(IReadOnlyList<string> args)
    {
        var options = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--rest")
            {
                options.Rest = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return null;
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--exercise" or "-e":
                    options.Exercises.Add(value.TrimEnd('/'));
                    break;
                case "--max" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0:
                    options.Max = max;
                    break;
                case "--jobs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var jobs) && jobs > 0:
                    options.Jobs = jobs;
                    break;
                case "--mutant":
                    options.Mutants.Add(value.Trim());
                    break;
                case "--time-limit" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options.TimeLimit = TimeSpan.FromSeconds(seconds);
                    break;
                case "--solutions":
                    options.Solutions = value;
                    break;
                case "--equivalent":
                    options.EquivalentFile = value;
                    break;
                case "--survivors":
                    options.SurvivorsFile = Path.GetFullPath(value);
                    break;
                case "--course-secret":
                    options.CourseSecret = value;
                    break;
                default:
                    return null;
            }
        }

        return options;
    }
}
