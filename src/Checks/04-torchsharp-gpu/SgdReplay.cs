using TorchSharp.Modules;

namespace Autograder.Checks.TorchSharpGpu;

/// <summary>
/// The check's own run of what Train should do, from the learner's starting weights: full-batch
/// torch.optim.SGD on the mean binary cross-entropy. It gives the losses Train must report and the
/// weights the model must end with, whatever the learner's initialisation. The variants replay
/// two common mistakes, so that a hint names a cause only when the trajectory shows it.
/// </summary>
internal static class SgdReplay
{
    internal enum Variant
    {
        /// <summary>What the README asks for.</summary>
        AsSpecified,

        /// <summary>The velocity is lost between steps: momentum not passed, or an optimiser created at every step.</summary>
        MomentumLost,

        /// <summary>No zero_grad: every backward adds to the gradients of the steps before.</summary>
        GradientsAccumulate,
    }

    internal sealed record Run(float[] Losses, CircleWeights Final);

    public static Run Train(CircleWeights start, Tensor x, Tensor y, Autograder.Reference.TorchSharpGpu.TrainingSettings settings, Variant variant = Variant.AsSpecified)
    {
        var weights = start.Snapshot();
        var parameters = weights.All.Select(t => new Parameter(t, requires_grad: true)).ToArray();
        var live = new CircleWeights(parameters[0], parameters[1], parameters[2], parameters[3]);
        var momentum = variant == Variant.MomentumLost ? 0.0 : settings.Momentum;
        using var optimizer = torch.optim.SGD(parameters, settings.LearningRate, momentum);
        var losses = new float[settings.Steps];
        for (var step = 0; step < settings.Steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            if (variant != Variant.GradientsAccumulate)
            {
                optimizer.zero_grad();
            }

            var hidden = torch.sigmoid(nn.functional.linear(x, live.W1, live.B1));
            var loss = nn.functional.binary_cross_entropy_with_logits(nn.functional.linear(hidden, live.W2, live.B2), y);
            losses[step] = loss.item<float>();
            loss.backward();
            optimizer.step();
        }

        return new Run(losses, live.Snapshot());
    }
}
