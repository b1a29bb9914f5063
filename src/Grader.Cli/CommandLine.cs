using System.Globalization;
using Autograder.Grader.Run;

namespace Autograder.Grader.Cli;

/// <summary>The grader's command line: a small grammar, parsed by hand so errors can say exactly what to type.</summary>
internal static class CommandLine
{
    public const int Usage = 2;

    public const string HelpText =
        """
        grader: grade deep-learning exercises.

        Usage:
          grader grade <submission-dir> [--exercise ID]... [--json FILE] [--teacher-view] [limits]

        <submission-dir>   a folder laid out like exercises/: one folder per exercise (01-perceptron/, ...)
        --exercise ID      grade only this exercise (repeatable), e.g. --exercise 01-perceptron
        --json FILE        also write the report as JSON (version 1) to FILE
        --teacher-view     also show what learners do not see: hidden checks' full messages, printed
                           output, details and curves (the JSON keeps them under "teacher")
        --course-secret F  the course secret hidden checks draw their seeds from (default: the
                           environment variable AUTOGRADER_COURSE_SECRET, else
                           .autograder/course-secret in the course, made on first use)

        Limits (learner code runs in a separate worker process):
        --time-limit S     wall-clock seconds per exercise (default: twice the exercise's budget)
        --memory-limit M   MiB of memory for the worker process (default: 2048)
        --in-process       run learner code inside the grader, without isolation (only to measure
                           what isolation costs: a hang or crash then stops the grader)

        For teachers and maintainers:
          grader sandbox   show the worker's sandbox layers and prove each by trying what it forbids
          grader bench-compile <submission-dir> [--exercise ID]... [--repeat N]
                           cold and warm compile times per exercise (docs/PERFORMANCE.md)

        Exit code: 0 when grading ran, whatever the score; 2 for a wrong command line or path.
        """;

    public abstract record Command;

    public sealed record Grade(string Submission, IReadOnlyList<string> Exercises, string? JsonPath) : Command
    {
        public RunLimits Limits { get; init; } = RunLimits.Default;

        public bool InProcess { get; init; }

        /// <summary>Show hidden checks' full text, for the teacher's eyes only.</summary>
        public bool TeacherView { get; init; }

        /// <summary>--course-secret FILE; null for the environment variable or the course's own file.</summary>
        public string? CourseSecret { get; init; }
    }

    public sealed record BenchCompile(string Submission, IReadOnlyList<string> Exercises, int Repeats) : Command;

    /// <summary>`grader sandbox`: the worker's sandbox layers, each proven (docs/ISOLATION.md).</summary>
    public sealed record Sandbox : Command;

    /// <summary>`grader worker`: the process that runs learner code for a grader (not for people).</summary>
    public sealed record Worker : Command;

    public sealed record Help(bool Requested) : Command;

    public sealed record Invalid(string Message) : Command;

    public static Command Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return new Help(Requested: false);
        }

        if (args[0] is "-h" or "--help" or "help")
        {
            return new Help(Requested: true);
        }

        return args[0] switch
        {
            "grade" => ParseGrade(args.Skip(1).ToList()),
            "worker" when args.Count == 1 => new Worker(),
            "sandbox" when args.Count == 1 => new Sandbox(),
            "bench-compile" => ParseBenchCompile(args.Skip(1).ToList()),
            _ => new Invalid($"unknown command '{args[0]}'. The command is `grader grade <submission-dir>`."),
        };
    }

    private static Command ParseGrade(List<string> args)
    {
        string? submission = null;
        string? json = null;
        var limits = RunLimits.Default;
        var inProcess = false;
        var teacherView = false;
        string? courseSecret = null;
        var exercises = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--exercise" or "-e":
                    if (++i >= args.Count)
                    {
                        return new Invalid("--exercise needs an exercise ID, e.g. --exercise 01-perceptron.");
                    }

                    exercises.Add(args[i].TrimEnd('/'));
                    break;
                case "--json":
                    if (++i >= args.Count)
                    {
                        return new Invalid("--json needs a file name, e.g. --json report.json.");
                    }

                    json = args[i];
                    break;
                case "--time-limit":
                    if (++i >= args.Count || !double.TryParse(args[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                    {
                        return new Invalid("--time-limit needs a number of seconds above 0, e.g. --time-limit 60.");
                    }

                    limits = limits with { TimeLimit = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--memory-limit":
                    if (++i >= args.Count || !long.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var mebibytes) || mebibytes < 256)
                    {
                        return new Invalid("--memory-limit needs a whole number of MiB, at least 256, e.g. --memory-limit 4096.");
                    }

                    limits = limits with { MemoryBytes = mebibytes << 20 };
                    break;
                case "--in-process":
                    inProcess = true;
                    break;
                case "--teacher-view":
                    teacherView = true;
                    break;
                case "--course-secret":
                    if (++i >= args.Count)
                    {
                        return new Invalid("--course-secret needs a file name, e.g. --course-secret ~/backup/course-secret.");
                    }

                    courseSecret = args[i];
                    break;
                case var option when option.StartsWith('-'):
                    return new Invalid($"unknown option '{option}'. Options are --exercise ID, --json FILE, --time-limit S, --memory-limit M, --teacher-view, --in-process and --course-secret FILE.");
                default:
                    if (submission is not null)
                    {
                        return new Invalid($"one submission folder at a time: got '{submission}' and '{args[i]}'.");
                    }

                    submission = args[i];
                    break;
            }
        }

        return submission is null
            ? new Invalid("which folder? e.g. `grader grade exercises`.")
            : new Grade(submission, exercises, json) { Limits = limits, InProcess = inProcess, TeacherView = teacherView, CourseSecret = courseSecret };
    }

    private static Command ParseBenchCompile(List<string> args)
    {
        var repeats = 20;
        var exercises = new List<string>();
        string? submission = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--exercise" or "-e" when i + 1 < args.Count:
                    exercises.Add(args[++i].TrimEnd('/'));
                    break;
                case "--repeat" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    repeats = n;
                    i++;
                    break;
                case var option when option.StartsWith('-'):
                    return new Invalid($"bench-compile takes --exercise ID and --repeat N (a whole number above 0); '{option}' is not one of them or lacks its value.");
                default:
                    if (submission is not null)
                    {
                        return new Invalid($"one submission folder at a time: got '{submission}' and '{args[i]}'.");
                    }

                    submission = args[i];
                    break;
            }
        }

        return submission is null ? new Invalid("which folder? e.g. `grader bench-compile solutions`.") : new BenchCompile(submission, exercises, repeats);
    }

    public static int PrintHelp(Help help)
    {
        Console.Out.WriteLine(HelpText);
        return help.Requested ? 0 : Usage;
    }

    public static int PrintError(Invalid invalid)
    {
        Console.Error.WriteLine($"grader: {invalid.Message}");
        Console.Error.WriteLine("Run `grader --help` for the usage.");
        return Usage;
    }
}
