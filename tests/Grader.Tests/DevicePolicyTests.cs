using Autograder.Checks.Nlp;
using Autograder.Checks.Segmentation;
using Autograder.Checks.TcnVsRnn;
using Autograder.Checks.TimeSeries;
using Autograder.Checks.TorchSharpGpu;
using Autograder.Checks.TrafficSigns;
using Autograder.Checks.Optimizers;
using Autograder.Grader.Checks;
using Autograder.Grader.Policy;

namespace Autograder.Grader.Tests;

/// <summary>
/// Every exercise from 04 on runs on the device it is given, and takes the bans that keep it there
/// from one place (DeviceBans): naming a device, in code or in a string, is refused everywhere.
/// 06 and 07 hand results back as .NET arrays, so a tensor's .cpu() stays allowed there.
/// </summary>
public sealed class DevicePolicyTests
{
    private const string Usings = "using TorchSharp;\nusing static TorchSharp.torch;\n";

    private static IEnumerable<ExerciseSpec> Exercises() =>
    [
        TorchNetworkChecks.Exercise, OptimizerChecks.Exercise, TimeSeriesChecks.Exercise, NlpChecks.Exercise,
        TcnVsRnnChecks.Exercise, TrafficSignChecks.Exercise, SegNetChecks.Exercise,
    ];

    [TestCaseSource(nameof(Exercises))]
    public void Naming_a_device_is_refused(ExerciseSpec exercise)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Violations(exercise, "var d = CUDA;"), Has.Some.Property(nameof(PolicyViolation.Api)).Contains("CUDA"));
            Assert.That(Violations(exercise, "var d = torch.device(\"cuda:0\");"), Has.Some.Property(nameof(PolicyViolation.Api)).Contains("device name"));
            Assert.That(Violations(exercise, "var y = x.cuda();"), Is.Not.Empty);
            Assert.That(Violations(exercise, "torch.set_default_device(x.device);"), Is.Not.Empty);
        });
    }

    [TestCase("06-time-series", true)]
    [TestCase("07-nlp", true)]
    [TestCase("08-tcn-vs-rnn", false)]
    [TestCase("04-torchsharp-gpu", false)]
    public void A_tensor_is_read_back_with_cpu_only_where_results_are_arrays(string id, bool allowed)
    {
        var exercise = Exercises().Single(spec => spec.Id == id);

        var violations = Violations(exercise, "var values = x.cpu().data<float>().ToArray();");

        Assert.That(violations, allowed ? Is.Empty : Is.Not.Empty, () => string.Join('\n', violations));
    }

    private static IReadOnlyList<PolicyViolation> Violations(ExerciseSpec exercise, string statements)
    {
        var code = Usings + "public static class C {\n public static void M(Tensor x) {\n" + statements + "\n }\n}";
        return PolicyOf.Violations(code, $"{exercise.Id}/C.cs", exercise.Bans, exercise.BannedLiterals);
    }
}
