using TorchSharp;
using static TorchSharp.torch;

namespace Autograder.Grader.Tests;

/// <summary>
/// TorchSharp's native library loads on this machine (on Debian 12 only thanks to the build's
/// GLIBCXX fix, build/LibTorchSharp.GlibcxxFix.targets) and trains.
/// </summary>
public sealed class TorchSharpLoadsTests
{
    [Test]
    public void A_linear_model_takes_a_training_step_and_its_loss_falls()
    {
        torch.manual_seed(7);
        using var scope = torch.NewDisposeScope();
        var model = nn.Linear(3, 1);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        var x = torch.randn(64, 3);
        var y = x.matmul(torch.tensor(new float[] { 1f, -2f, 0.5f }).reshape(3, 1)) + 0.3f;

        var before = nn.functional.mse_loss(model.forward(x), y);
        optimizer.zero_grad();
        before.backward();
        optimizer.step();
        var after = nn.functional.mse_loss(model.forward(x), y);

        Assert.That(after.item<float>(), Is.LessThan(before.item<float>()),
            "one SGD step on a convex loss with a small step must lower it");
    }
}
