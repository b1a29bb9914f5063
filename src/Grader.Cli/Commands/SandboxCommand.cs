using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Autograder.Grader.Run;
using Autograder.Grader.Run.Sandbox;
using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Cli.Commands;

/// <summary>
/// `grader sandbox`: which layers of the worker's sandbox this machine offers, and proof that
/// each holds: a confined worker tries what the layer forbids (the grader's own probes, not
/// learner code), once with every layer and once with Landlock alone (seccomp left off). Exit 1
/// when a layer this machine should offer is missing or something got through.
/// </summary>
internal static class SandboxCommand
{
    private static readonly string[] LandlockStops =
    [
        SandboxProbes.ReadOutside, SandboxProbes.WriteTemp, SandboxProbes.TcpConnect, SandboxProbes.StartProcess,
        SandboxProbes.PtraceGrader, SandboxProbes.SignalGrader, SandboxProbes.Execve,
    ];

    public static System.CommandLine.Command Create()
    {
        var command = new System.CommandLine.Command("sandbox", "show the worker's sandbox layers and prove each by trying what it forbids");
        command.SetAction(_ => Run());
        return command;
    }

    public static int Run()
    {
        var abi = Landlock.Abi();
        Console.WriteLine($"The worker's sandbox on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture}); " +
            (abi > 0 ? $"Landlock ABI {abi} offered." : "no Landlock offered."));
        var folder = Directory.CreateTempSubdirectory("grader-sandbox-");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var secret = Path.Combine(folder.FullName, "secret.txt");
            File.WriteAllText(secret, "only the grader may read this");
            var written = Path.Combine(folder.FullName, "written-by-worker.txt");
            var port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
            var grader = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            var probes = new Dictionary<string, string>
            {
                [SandboxProbes.ReadOutside] = secret,
                [SandboxProbes.WriteTemp] = written,
                [SandboxProbes.TcpConnect] = port,
                [SandboxProbes.UdpSocket] = "",
                [SandboxProbes.StartProcess] = "",
                [SandboxProbes.ForkProbe] = "",
                [SandboxProbes.NewNamespace] = "",
                [SandboxProbes.PtraceGrader] = grader,
                [SandboxProbes.SignalGrader] = grader,
                [SandboxProbes.NoCoreNoFile] = "",
            };

            var (layers, full) = Probe(probes, skip: []);
            var (_, landlockAlone) = Probe(probes, skip: [Seccomp.Name]);
            var failures = ExpectedLayers(abi).Where(name => !layers.IsActive(name)).Select(name => $"{name} is not active").ToList();

            Console.WriteLine();
            foreach (var layer in layers.Layers)
            {
                Console.WriteLine($"  {layer.Name,-18} {(layer.Active ? "active" : "INACTIVE"),-9} {layer.Detail}");
            }

            Console.WriteLine();
            Console.WriteLine("Tried inside a worker, with every layer / with Landlock alone (seccomp left off):");
            foreach (var probe in full.Keys)
            {
                Console.WriteLine($"  {probe}");
                Console.WriteLine($"      every layer:    {full[probe]}");
                Console.WriteLine($"      Landlock alone: {landlockAlone.GetValueOrDefault(probe, "no answer")}");
                if (!full[probe].StartsWith("blocked", StringComparison.Ordinal))
                {
                    failures.Add($"{probe} was not blocked");
                }

                if (layers.IsActive(Landlock.Name) && LandlockStops.Contains(probe) &&
                    !landlockAlone.GetValueOrDefault(probe, "").StartsWith("blocked", StringComparison.Ordinal))
                {
                    failures.Add($"{probe} was not blocked by Landlock alone");
                }
            }

            if (File.Exists(written))
            {
                failures.Add("the worker wrote a file");
            }

            if (listener.Pending())
            {
                failures.Add("the worker reached the grader's TCP port");
            }

            Console.WriteLine();
            Console.WriteLine(failures.Count == 0
                ? $"sandbox: {layers.Summary}. Every probe was blocked."
                : $"sandbox: {layers.Summary}. NOT sound: {string.Join("; ", failures)}.");
            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            listener.Stop();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The probes, then execve on its own: when it is not blocked the worker becomes a shell and answers nothing.</summary>
    private static (SandboxReport Layers, Dictionary<string, string> Outcomes) Probe(Dictionary<string, string> probes, string[] skip)
    {
        var command = Autograder.Grader.Run.Worker.WorkerCommand.Locate() with { SkipLayers = skip };
        var timeout = TimeSpan.FromSeconds(30);
        using var runner = new WorkerRunner(RunLimits.Default, command);
        var (layers, outcomes) = runner.Probe(probes, timeout);
        outcomes ??= probes.ToDictionary(probe => probe.Key, _ => "NOT blocked: the worker did not answer");
        var (_, exec) = runner.Probe(new() { [SandboxProbes.Execve] = "/bin/sh" }, timeout);
        outcomes[SandboxProbes.Execve] = exec?.GetValueOrDefault(SandboxProbes.Execve) ?? "NOT blocked: the worker was replaced by /bin/sh";
        return (layers, outcomes);
    }

    private static IEnumerable<string> ExpectedLayers(int abi)
    {
        if (!OperatingSystem.IsLinux())
        {
            yield break;
        }

        yield return NoNewPrivileges.Name;
        yield return ResourceLimits.Name;
        yield return ProcessGroup.Name;
        if (abi > 0)
        {
            yield return Landlock.Name;
        }

        if (RuntimeInformation.ProcessArchitecture == Architecture.X64)
        {
            yield return Seccomp.Name;
        }
    }
}
