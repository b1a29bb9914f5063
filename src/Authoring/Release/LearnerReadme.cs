using System.Globalization;
using System.Text;
using Autograder.Grader.Checks;

namespace Autograder.Authoring.Release;

/// <summary>
/// The student copy's README, written for learners: what the course is, how to open it, how to
/// run the checks and read their feedback, and the exercises. The teacher's README talks to
/// teachers and maintainers and stays behind.
/// </summary>
internal static class LearnerReadme
{
    public static string Write(CheckCatalog catalog, string copy)
    {
        var text = new StringBuilder();
        text.Append(
            """
            # Deep learning in C#: the exercises

            Ten exercises take you from a perceptron written with plain arrays to a SegNet that labels
            every pixel of a street scene, with TorchSharp from exercise 04 on. Each exercise is a
            folder in `exercises/` with a README (the idea, your task, what is checked) and one or more
            `.cs` files whose methods you complete. Checks run your code and answer in seconds: what
            they expected, what they saw, and which idea to revisit.

            ## Getting started
            You need the .NET 10 SDK. The first build downloads TorchSharp and libtorch (about 600 MB,
            once). Then, in this folder:

            ```
            dotnet test
            ```

            On a fresh copy every check fails with "not implemented yet": nothing is written yet. That
            is the starting point, not an error.

            ## Open it in an editor
            Open this folder in VS Code (with the C# Dev Kit), or open `Autograder.sln` in Rider or
            Visual Studio. Your files are the project `exercises/Autograder.Exercises.csproj`, so
            IntelliSense, go-to-definition and build errors work as usual. What your code builds on
            (the interfaces you implement, the data generators) is in `src/Reference`, with XML docs
            your editor shows on hover. Every method you complete throws `NotImplementedException`
            until you replace its body. `System`, `System.Collections.Generic` and `System.Linq` need
            no `using` line, nor, from exercise 04 on, `TorchSharp`, `TorchSharp.Modules` and
            `static TorchSharp.torch`.

            ## Check your work
            The checks of one exercise (each check is one test, named `exercise/check`):

            ```
            dotnet test tests/Course.Tests --filter TestCategory=01-perceptron
            ```

            The fast loop: keep the grader running beside your editor; it grades again each time you
            save and redraws a short report (public checks, the first failure in full, loss curves):

            ```
            dotnet run --project src/Grader.Cli -- watch exercises --exercise 01-perceptron
            ```

            The full report of one exercise, once:

            ```
            dotnet run --project src/Grader.Cli -- grade exercises --exercise 01-perceptron
            ```

            ## Reading the feedback
            - **not implemented yet**: the method named still throws `NotImplementedException`.
            - **A failed check** says what was expected, what your code gave, where, and a hint that
              names the idea behind the check. Its page in `docs/checks/NN-name.md` describes exactly
              what it does: the data, its seed, the tolerance, the points.
            - **A compile error** names your file, line and column.
            - **An API that is not allowed** (files, network, processes, reflection; TorchSharp in
              01-03, where you write the mathematics yourself) is named with its line and the reason.
            - **When your code throws**, the message names the exception and your file and line.
            - **A time or memory limit**: your code ran too long or used too much memory (an endless
              loop, a training run far longer than the README asks for).

            Your teacher grades with more checks than you see: other seeds, other sizes, other data.
            Code that follows the README passes them; code fitted to the public cases does not.

            ## The exercises

            """);
        text.AppendLine("| exercise | files you complete | public checks |");
        text.AppendLine("| --- | --- | --- |");
        foreach (var exercise in catalog.Exercises)
        {
            var folder = Path.Combine(copy, "exercises", exercise.Id);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var files = Directory.EnumerateFiles(folder, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(name => $"`{name}`");
            var visible = catalog.ChecksOf(exercise.Id).Where(check => check.Visibility == Visibility.Visible).ToList();
            var points = visible.Sum(check => check.Points);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| [{exercise.Id}](exercises/{exercise.Id}/README.md): {exercise.Title} | {string.Join(", ", files)} | {visible.Count} checks, {points} points ([docs](docs/checks/{exercise.Id}.md)) |");
        }

        text.Append(
            """

            Every data set is generated from a seed; nothing is downloaded. `docs/DATA.md` shows what
            the traffic signs and street scenes look like, and `docs/GPU.md` how to train on a GPU.

            ## What is where
            | folder | what |
            | --- | --- |
            | `exercises/` | your work: one folder per exercise |
            | `src/Reference` | what your code compiles against: interfaces, data generators, device selection |
            | `docs/checks/` | one page per exercise: every public check, its data, seed and points |
            | `tests/Course.Tests` | `dotnet test`: one test per public check |
            | `src/Grader`, `src/Grader.Cli`, `src/Checks` | the grader and the public checks (you do not need to change them) |

            """);
        return text.ToString();
    }
}
