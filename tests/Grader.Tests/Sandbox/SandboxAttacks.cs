namespace Autograder.Grader.Tests.Sandbox;

/// <summary>
/// One attack on the worker's sandbox, by code that got past the policy: <see cref="Statement"/>
/// runs first in the reference perceptron's Predict, <see cref="Member"/> is added to its class.
/// Placeholders: <c>{CANARY}</c> a file outside the allowed folders, <c>{FOLDER}</c> its folder,
/// <c>{REPORT}</c> a report file the grader wrote, <c>{PORT}</c> a TCP port the test listens on,
/// <c>{SOLUTIONS}</c> the course's reference solutions. <see cref="Expected"/> is what some check's
/// message must contain: the error the forbidden act got.
/// </summary>
public sealed record SandboxAttack(string Name, string Expected, string Statement, string Member = "", bool LandlockAlone = false)
{
    public override string ToString() => Name;
}

/// <summary>
/// Attacks the sandbox must stop even when the policy missed them (they are compiled without the
/// policy step). <see cref="SandboxAttack.LandlockAlone"/> marks those Landlock stops by itself,
/// which the tests also run with seccomp left off.
/// </summary>
public static class SandboxAttacks
{
    private const string Libc =
        "[System.Runtime.InteropServices.DllImport(\"libc\", SetLastError = true)] private static extern ";

    public static IReadOnlyList<SandboxAttack> Cases { get; } =
    [
        new("read-canary", "threw UnauthorizedAccessException",
            "var stolen = System.IO.File.ReadAllText(\"{CANARY}\"); throw new InvalidOperationException(\"read \" + stolen);", LandlockAlone: true),
        new("read-reference-solutions", "threw UnauthorizedAccessException",
            "var all = System.IO.Directory.GetFiles(\"{SOLUTIONS}\"); throw new InvalidOperationException(\"listed \" + all.Length);", LandlockAlone: true),
        new("read-grader-environment", "threw UnauthorizedAccessException",
            "var env = System.IO.File.ReadAllText(\"/proc/\" + getppid() + \"/environ\"); throw new InvalidOperationException(\"read \" + env.Length);",
            Libc + "int getppid();", LandlockAlone: true),
        new("write-new-file", "threw UnauthorizedAccessException",
            "System.IO.File.WriteAllText(\"{FOLDER}/pwned.txt\", \"pwned\");", LandlockAlone: true),
        new("overwrite-canary", "threw UnauthorizedAccessException",
            "System.IO.File.WriteAllText(\"{CANARY}\", \"pwned\");", LandlockAlone: true),
        new("delete-canary", "threw UnauthorizedAccessException",
            "System.IO.File.Delete(\"{CANARY}\");", LandlockAlone: true),
        new("make-directory", "threw UnauthorizedAccessException",
            "System.IO.Directory.CreateDirectory(\"{FOLDER}/made\");", LandlockAlone: true),
        new("process-start", "threw Win32Exception",
            "System.Diagnostics.Process.Start(\"/bin/sh\", \"-c \\\"touch {FOLDER}/started\\\"\");", LandlockAlone: true),
        new("detached-shell-rewrites-report-later", "threw Win32Exception",
            "System.Diagnostics.Process.Start(\"/bin/sh\", \"-c \\\"(sleep 2; echo forged > {REPORT}) >/dev/null 2>&1 &\\\"\");", LandlockAlone: true),
        new("late-bound-process-start", "Win32Exception: An error occurred trying to start process",
            "var process = Type.GetType(\"System.Diagnostics.Process, System.Diagnostics.Process\")!; " +
            "process.GetMethod(\"Start\", new[] { typeof(string), typeof(string) })!.Invoke(null, new object[] { \"/bin/sh\", \"-c \\\"touch {FOLDER}/late\\\"\" });",
            LandlockAlone: true),
        new("tcp-connect", "threw SocketException",
            "using var client = new System.Net.Sockets.TcpClient(); client.Connect(\"127.0.0.1\", {PORT});", LandlockAlone: true),
        new("udp-send", "threw SocketException",
            "using var udp = new System.Net.Sockets.UdpClient(); udp.Send(new byte[] { 1 }, 1, \"127.0.0.1\", {PORT});"),
        new("native-fork", "fork returned -1",
            "var child = fork(); if (child == 0) { while (child == 0) { } } throw new InvalidOperationException(\"fork returned \" + child);",
            Libc + "int fork();"),
        new("native-execve", "execve returned -1",
            "var r = execve(\"/bin/sh\", new[] { \"sh\", \"-c\", \"touch {FOLDER}/exec\", null }, new string[] { null }); throw new InvalidOperationException(\"execve returned \" + r);",
            Libc + "int execve(string path, string[] argv, string[] envp);", LandlockAlone: true),
        new("signal-the-grader", "kill returned -1",
            "var r = kill(getppid(), 0); throw new InvalidOperationException(\"kill returned \" + r);",
            Libc + "int kill(int pid, int signal); " + Libc + "int getppid();", LandlockAlone: true),
        new("ptrace-the-grader", "ptrace returned -1",
            "var r = ptrace(16, getppid(), 0, 0); if (r == 0) { ptrace(17, getppid(), 0, 0); } throw new InvalidOperationException(\"ptrace returned \" + r);",
            Libc + "long ptrace(long request, int pid, long address, long data); " + Libc + "int getppid();", LandlockAlone: true),
        new("thread-bomb", "started too many threads",
            "for (var i = 0; i < 100000; i++) { new System.Threading.Thread(() => System.Threading.Thread.Sleep(-1)) { IsBackground = true }.Start(); }"),
        new("write-shared-memory", "threw UnauthorizedAccessException",
            "System.IO.File.WriteAllText(\"/dev/shm/{NAME}\", \"pwned\");", LandlockAlone: true),
    ];
}
