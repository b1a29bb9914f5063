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
public sealed class SandboxAttackTests
{
    private static readonly RunLimits Limits = new() { TimeLimit = TimeSpan.FromSeconds(20), MemoryBytes = 1L << 30 };

    private string _folder = "";
    private string _canary = "";
    private string _secret = "";
    private string _report = "";
    private TcpListener? _listener;

    public static IEnumerable<TestCaseData> Cases() =>
        SandboxAttacks.Cases.Select(attack => new TestCaseData(attack, Array.Empty<string>()).SetName($"SandboxAttack({attack.Name})"))
            .Concat(SandboxAttacks.Cases.Where(attack => attack.LandlockAlone)
                .Select(attack => new TestCaseData(attack, new[] { "seccomp" }).SetName($"SandboxAttack({attack.Name}, Landlock alone)")));

    [SetUp]
    public void CreateCanary()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _canary = Path.Combine(_folder, "canary.txt");
        _secret = $"canary-secret-{Guid.NewGuid():N}";
        File.WriteAllText(_canary, _secret);
        _report = Path.Combine(_folder, "report.json");
        File.WriteAllText(_report, "{\"score\": 3}");
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
    }

    [TearDown]
    public void RemoveFolder()
    {
        _listener?.Stop();
        Directory.Delete(_folder, recursive: true);
    }

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
        var source = SandboxCode.Perceptron(attack.Statement, attack.Member)
            .Replace("{CANARY}", _canary, StringComparison.Ordinal)
            .Replace("{FOLDER}", _folder, StringComparison.Ordinal)
            .Replace("{REPORT}", _report, StringComparison.Ordinal)
            .Replace("{NAME}", name, StringComparison.Ordinal)
            .Replace("{SOLUTIONS}", Course.PathOf("solutions", "01-perceptron"), StringComparison.Ordinal)
            .Replace("{PORT}", ((IPEndPoint)_listener!.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var results = SandboxCode.RunWithoutPolicy(source, Limits, skip);

        var messages = string.Join("\n", results.Select(result => $"{result.Id}: {result.Message}"));
        Assert.That(results.Select(result => result.Message), Has.Some.Contains(attack.Expected), messages);
        Assert.That(results.Where(result => result.Message.Contains(attack.Expected, StringComparison.Ordinal)).Select(result => result.Status),
            Has.None.EqualTo(ResultStatus.Passed));
        Thread.Sleep(attack.Name.Contains("later", StringComparison.Ordinal) ? 3000 : 0);
        Assert.That(File.ReadAllText(_canary), Is.EqualTo(_secret), "the canary was changed");
        Assert.That(messages, Does.Not.Contain(_secret), "the canary's content reached a message");
        Assert.That(Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "canary.txt", "report.json" }),
            "something was created near the canary");
        Assert.That(File.ReadAllText(_report), Is.EqualTo("{\"score\": 3}"), "the report was rewritten");
        Assert.That(File.Exists($"/dev/shm/{name}"), Is.False);
        Assert.That(_listener.Pending(), Is.False, "a connection reached the test's port");
    }
}
