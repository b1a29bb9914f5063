using System.Net;
using System.Net.Sockets;
using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Tests.Sandbox;

/// <summary>
/// Defence in depth: code that got past the policy (compiled here without it) and reached the
/// file system, the network or other processes gets an error inside the worker; the canary is
/// neither read nor changed, nothing is created near it, no connection arrives, and the report
/// the grader wrote stays as it was after the worker is gone.
/// </summary>
[Platform("Linux")]
public sealed class SandboxAttackTests : TempFolderTest
{
    private Canary _canary = null!;
    private string _report = "";
    private TcpListener? _listener;

    public static IEnumerable<TestCaseData> Cases() =>
        SandboxAttacks.Cases.Select(attack => new TestCaseData(attack, Array.Empty<string>()).SetName($"SandboxAttack({attack.Name})"))
            .Concat(SandboxAttacks.Cases.Where(attack => attack.LandlockAlone)
                .Select(attack => new TestCaseData(attack, new[] { "seccomp" }).SetName($"SandboxAttack({attack.Name}, Landlock alone)")));

    [SetUp]
    public void PlantCanaryAndListen()
    {
        _canary = Canary.Plant(Folder);
        _report = InFolder("report.json");
        File.WriteAllText(_report, "{\"score\": 3}");
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
    }

    [TearDown]
    public void StopListening() => _listener?.Stop();

    [Test]
    public void The_corpus_has_at_least_12_attacks_with_unique_names()
    {
        Assert.That(SandboxAttacks.Cases, Has.Count.GreaterThanOrEqualTo(12));
        Assert.That(SandboxAttacks.Cases.Select(attack => attack.Name), Is.Unique);
    }

    [TestCaseSource(nameof(Cases))]
    public void Forbidden_act_fails_inside_the_worker(SandboxAttack attack, string[] skip)
    {
        var name = $"sandbox-{Guid.NewGuid():N}";
        var source = PerceptronSource.With(attack.Statement, attack.Member)
            .Replace("{CANARY}", _canary.Path, StringComparison.Ordinal)
            .Replace("{FOLDER}", Folder, StringComparison.Ordinal)
            .Replace("{REPORT}", _report, StringComparison.Ordinal)
            .Replace("{NAME}", name, StringComparison.Ordinal)
            .Replace("{SOLUTIONS}", Course.PathOf("solutions", "01-perceptron"), StringComparison.Ordinal)
            .Replace("{PORT}", ((IPEndPoint)_listener!.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var results = SandboxCode.RunWithoutPolicy(source, TestLimits.Generous, skip);

        var messages = string.Join("\n", results.Select(result => $"{result.Id}: {result.Message}"));
        Assert.That(results.Select(result => result.Message), Has.Some.Contains(attack.Expected), messages);
        Assert.That(results.Where(result => result.Message.Contains(attack.Expected, StringComparison.Ordinal)).Select(result => result.Status),
            Has.None.EqualTo(ResultStatus.Passed));
        Thread.Sleep(attack.Name.Contains("later", StringComparison.Ordinal) ? 3000 : 0);
        _canary.AssertUntouched(messages, "a message");
        Assert.That(Directory.GetFileSystemEntries(Folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "canary.txt", "report.json" }),
            "something was created near the canary");
        Assert.That(File.ReadAllText(_report), Is.EqualTo("{\"score\": 3}"), "the report was rewritten");
        Assert.That(File.Exists($"/dev/shm/{name}"), Is.False);
        Assert.That(_listener.Pending(), Is.False, "a connection reached the test's port");
    }
}
