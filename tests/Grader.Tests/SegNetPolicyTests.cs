using Autograder.Checks.Segmentation;
using Autograder.Grader.Policy;

namespace Autograder.Grader.Tests;

/// <summary>
/// Exercise 10 bans every way of upsampling without the pooling indices that TorchSharp offers;
/// each spelling is rejected, and the unpooling the exercise asks for is not.
/// </summary>
public sealed class SegNetPolicyTests
{
    private const string Usings =
        "using TorchSharp;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\nusing static TorchSharp.torch.nn;\n";

    [TestCase("var m = ConvTranspose2d(4, 4, 2, stride: 2);", "ConvTranspose2d", TestName = "ConvTranspose2d factory")]
    [TestCase("ConvTranspose2d m = null!;", "TorchSharp.Modules.ConvTranspose2d", TestName = "ConvTranspose2d type")]
    [TestCase("var m = ConvTranspose1d(4, 4, 2);", "ConvTranspose1d", TestName = "ConvTranspose1d factory")]
    [TestCase("var m = ConvTranspose3d(4, 4, 2);", "ConvTranspose3d", TestName = "ConvTranspose3d factory")]
    [TestCase("var y = functional.conv_transpose2d(x, x);", "conv_transpose2d", TestName = "functional conv_transpose2d")]
    [TestCase("var m = Upsample(scale_factor: new double[] { 2, 2 });", "Upsample", TestName = "Upsample factory")]
    [TestCase("Upsample m = null!;", "TorchSharp.Modules.Upsample", TestName = "Upsample type")]
    [TestCase("var y = functional.interpolate(x, scale_factor: new double[] { 2, 2 });", "interpolate", TestName = "functional interpolate")]
    [TestCase("var y = functional.upsample(x, scale_factor: new double[] { 2, 2 });", "upsample", TestName = "functional upsample")]
    [TestCase("var y = functional.upsample_nearest(x, scale_factor: new double[] { 2, 2 });", "upsample_nearest", TestName = "functional upsample_nearest")]
    [TestCase("var y = functional.upsample_bilinear(x, scale_factor: new double[] { 2, 2 });", "upsample_bilinear", TestName = "functional upsample_bilinear")]
    [TestCase("var y = functional.upsample_nearest2d(x, new long[] { 8, 8 });", "upsample_nearest2d", TestName = "functional upsample_nearest2d")]
    [TestCase("var y = functional.pixel_shuffle(x, 2);", "pixel_shuffle", TestName = "functional pixel_shuffle")]
    [TestCase("var m = PixelShuffle(2);", "PixelShuffle", TestName = "PixelShuffle factory")]
    public void Upsampling_without_indices_is_rejected(string statement, string api)
    {
        var violations = Violations(statement);

        Assert.That(violations, Is.Not.Empty, $"{statement} should be rejected");
        Assert.That(violations[0].Line, Is.EqualTo(7));
        Assert.That(violations.Select(violation => violation.Api), Has.Some.Contains(api));
        Assert.That(violations[0].Reason, Does.Contain("unpooling"));
    }

    [Test]
    public void Pooling_with_indices_and_unpooling_are_allowed()
    {
        var violations = Violations(
            "var pool = MaxPool2d(2, 2); var unpool = MaxUnpool2d(2, 2, 0);\n" +
            "var (p, i) = pool.forward_with_indices(x); var u = unpool.forward(p, i, x.shape);\n" +
            "var (q, j) = functional.max_pool2d_with_indices(x, new long[] { 2, 2 });\n" +
            "var v = functional.max_unpool2d(q, j, new long[] { 2, 2 }, output_size: x.shape);\n" +
            "var r = p.repeat_interleave(2, 2);");

        Assert.That(violations, Is.Empty, () => string.Join('\n', violations));
    }

    private static IReadOnlyList<PolicyViolation> Violations(string statements)
    {
        var code = Usings + "public static class C {\n public static void M(Tensor x) {\n" + statements + "\n }\n}";
        return PolicyOf.Violations(code, "10-segnet/C.cs", SegNetChecks.Exercise.Bans);
    }
}
