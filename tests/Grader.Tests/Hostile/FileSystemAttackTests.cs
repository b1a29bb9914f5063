using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Autograder.Grader.Tests.Hostile;

/// <summary>
/// Attacks on the submission folder itself: links, FIFOs, sockets, huge and binary files, names
/// that are not UTF-8. Each makes only 01-perceptron an error with a message naming the file;
/// a correct 02-gradient-descent beside it keeps full marks; a canary outside the submission is
/// never read, changed or neighboured by new files.
/// </summary>
[Platform("Linux")]
public sealed class FileSystemAttackTests : TempFolderTest
{
    private Canary _canary = null!;
    private string _submission = "";
    private string _exercise = "";
    private Socket? _socket;

    [SetUp]
    public void PlantCanary()
    {
        _canary = Canary.Plant(Folder, "canary.cs", secret => $"class Canary {{ string s = \"{secret}\"; }} {secret}");
        _submission = InFolder("submission");
        _exercise = Path.Combine(_submission, "01-perceptron");
        Directory.CreateDirectory(_exercise);
        ClassFolder.CopyExercises(Course.PathOf("solutions"), _submission, ["02-gradient-descent"]);
    }

    [TearDown]
    public void RemoveSubmission()
    {
        _socket?.Dispose();
        // rm, not Directory.Delete: .NET cannot name a file whose name is not UTF-8.
        Run("rm", "-rf", _submission);
    }

    private static readonly (string Name, string Expected)[] Attacks =
    [
        ("symlink-to-canary", "01-perceptron/Perceptron.cs is a symbolic link, not a file"),
        ("symlink-to-solution", "01-perceptron/Perceptron.cs is a symbolic link, not a file"),
        ("symlink-to-proc-environ", "01-perceptron/Perceptron.cs is a symbolic link, not a file"),
        ("symlink-to-dev-zero", "01-perceptron/Perceptron.cs is a symbolic link, not a file"),
        ("dangling-symlink", "01-perceptron/Perceptron.cs is a symbolic link, not a file"),
        ("symlink-loop", "01-perceptron/Perceptron.cs is a symbolic link, not a file"),
        ("symlinked-exercise-folder", "01-perceptron/ is a symbolic link, not a folder"),
        ("symlinked-subfolder", "01-perceptron/more is a symbolic link to a folder"),
        ("fifo", "01-perceptron/Perceptron.cs is a FIFO (a named pipe), not a file"),
        ("unix-socket", "01-perceptron/Perceptron.cs is a socket, not a file"),
        ("hard-link-to-canary", "01-perceptron/Perceptron.cs is a hard link"),
        ("one-byte-over-1-mib", "01-perceptron/Perceptron.cs is larger than 1 MiB"),
        ("many-files-over-2-mib", "the .cs files in 01-perceptron/ hold more than 2 MiB together"),
        ("name-not-utf8", "01-perceptron/Perc\\xffptron.cs: the name is not valid UTF-8"),
        ("binary-file", "01-perceptron/Perceptron.cs holds binary data (a zero byte on line 2)"),
        ("latin1-content", "01-perceptron/Perceptron.cs is not UTF-8 text (a byte that is not UTF-8 on line 1)"),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        Attacks.Select(attack => new TestCaseData(attack.Name, attack.Expected).SetName($"FileSystemAttack({attack.Name})"));

    [TestCaseSource(nameof(Cases))]
    public void Attack_makes_only_its_exercise_an_error(string name, string expected)
    {
        Plant(name);
        var before = Directory.GetFileSystemEntries(Folder).Order().ToList();

        var report = Course.Grader(TestLimits.Generous).Grade(SubmissionReader.Read(_submission), ["01-perceptron", "02-gradient-descent"]);

        var hostile = report.Exercises.Single(exercise => exercise.Id == "01-perceptron");
        Assert.That(hostile.Status, Is.EqualTo(ResultStatus.Error));
        Assert.That(hostile.Score, Is.Zero);
        Assert.That(hostile.Message, Does.Contain(expected));
        Assert.That(hostile.Message, Does.Not.Contain("\uFFFD"));
        var neighbour = report.Exercises.Single(exercise => exercise.Id == "02-gradient-descent");
        Assert.That(neighbour.Score, Is.EqualTo(neighbour.MaxScore), neighbour.Message);
        _canary.AssertUntouched(ReportJson.Serialize(report));
        Assert.That(Directory.GetFileSystemEntries(Folder).Order(), Is.EqualTo(before), "something was created near the canary");
    }

    [Test]
    public void A_fifo_in_an_exercise_not_asked_for_is_never_touched()
    {
        Directory.CreateDirectory(Path.Combine(_submission, "03-backprop"));
        MakeFifo(Path.Combine(_submission, "03-backprop", "Backprop.cs"));
        ClassFolder.CopyExercises(Course.PathOf("solutions"), _submission, ["01-perceptron"]);

        var read = Task.Run(() => SubmissionReader.Read(_submission, ["01-perceptron"]));

        Assert.That(read.Wait(TimeSpan.FromSeconds(20)), "reading blocked");
        Assert.That(read.Result.Exercises.Keys, Is.EqualTo(new[] { "01-perceptron" }));
    }

    [Test]
    public void A_fifo_in_another_exercise_makes_only_that_exercise_an_error()
    {
        ClassFolder.CopyExercises(Course.PathOf("solutions"), _submission, ["01-perceptron"]);
        Directory.CreateDirectory(Path.Combine(_submission, "03-backprop"));
        MakeFifo(Path.Combine(_submission, "03-backprop", "Backprop.cs"));

        var read = Task.Run(() => SubmissionReader.Read(_submission));

        Assert.That(read.Wait(TimeSpan.FromSeconds(20)), "reading blocked on the FIFO");
        Assert.That(read.Result.Exercises["01-perceptron"], Is.Not.Empty);
        Assert.That(read.Result.Exercises["03-backprop"], Is.TypeOf<UnreadableExercise>());
    }

    [TestCase("missing", "There is no folder")]
    [TestCase("file", "is a file")]
    [TestCase("fifo", "is not a folder but a FIFO")]
    [TestCase("loop", "is a symbolic link that leads nowhere")]
    public void A_wrong_top_level_path_is_the_teachers_mistake(string kind, string expected)
    {
        var path = InFolder("top");
        switch (kind)
        {
            case "file":
                File.WriteAllText(path, "x");
                break;
            case "fifo":
                MakeFifo(path);
                break;
            case "loop":
                File.CreateSymbolicLink(path, path);
                break;
        }

        Assert.That(() => SubmissionReader.Read(path), Throws.TypeOf<SubmissionException>().With.Message.Contains(expected));
    }

    private void Plant(string attack)
    {
        var target = Path.Combine(_exercise, "Perceptron.cs");
        switch (attack)
        {
            case "symlink-to-canary":
                File.CreateSymbolicLink(target, _canary.Path);
                break;
            case "symlink-to-solution":
                File.CreateSymbolicLink(target, Course.PathOf("solutions", "01-perceptron", "Perceptron.cs"));
                break;
            case "symlink-to-proc-environ":
                File.CreateSymbolicLink(target, "/proc/self/environ");
                break;
            case "symlink-to-dev-zero":
                File.CreateSymbolicLink(target, "/dev/zero");
                break;
            case "dangling-symlink":
                File.CreateSymbolicLink(target, InFolder("nothing-here.cs"));
                break;
            case "symlink-loop":
                File.CreateSymbolicLink(target, target);
                break;
            case "symlinked-exercise-folder":
                Directory.Delete(_exercise);
                Directory.CreateSymbolicLink(_exercise, Course.PathOf("solutions", "01-perceptron"));
                break;
            case "symlinked-subfolder":
                ClassFolder.CopyExercises(Course.PathOf("solutions"), _submission, ["01-perceptron"]);
                Directory.CreateSymbolicLink(Path.Combine(_exercise, "more"), Folder);
                break;
            case "fifo":
                MakeFifo(target);
                break;
            case "unix-socket":
                // Kept open: disposing a bound socket removes its file.
                _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                _socket.Bind(new UnixDomainSocketEndPoint(target));
                break;
            case "hard-link-to-canary":
                Run("ln", _canary.Path, target);
                break;
            case "one-byte-over-1-mib":
                File.WriteAllText(target, "//" + new string('x', SubmissionReader.MaxFileBytes - 1));
                break;
            case "many-files-over-2-mib":
                for (var i = 0; i < 3; i++)
                {
                    File.WriteAllText(Path.Combine(_exercise, $"Part{i}.cs"), "//" + new string('x', 900_000));
                }

                break;
            case "name-not-utf8":
                ClassFolder.CopyExercises(Course.PathOf("solutions"), _submission, ["01-perceptron"]);
                Run("sh", "-c", $"printf 'class X {{}}' > \"$1\"/Perc$(printf '\\377')ptron.cs", "sh", _exercise);
                break;
            case "binary-file":
                File.WriteAllBytes(target, [.. Encoding.UTF8.GetBytes("class P {}\n"), 0, 1, 2, 0xff]);
                break;
            case "latin1-content":
                File.WriteAllBytes(target, [.. Encoding.UTF8.GetBytes("// Perc"), 0xe9, .. Encoding.UTF8.GetBytes("ptron\nclass P {}\n")]);
                break;
            default:
                throw new ArgumentException(attack);
        }
    }

    private static void MakeFifo(string path) => Run("mkfifo", path);

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{program}: {process.StandardError.ReadToEnd()}");
    }
}
