namespace Autograder.Checks.TrafficSigns;

/// <summary>
/// Wraps a learner's model to watch how it is evaluated: every forward call records whether the
/// module was in training mode and whether gradients were being recorded. <c>probe.eval()</c>
/// reaches the wrapped model too (it is a registered child), so a Predict that calls
/// <c>model.eval()</c> on what it is given puts both in evaluation mode. The check disposes
/// the learner's model, never the probe.
/// </summary>
internal sealed class ModeProbe(nn.Module<Tensor, Tensor> inner) : ModelProbe(nameof(ModeProbe), inner)
{
    public PassCounts Passes { get; } = new();

    public override Tensor forward(Tensor input)
    {
        Passes.Count(training, input.shape[0]);
        return Inner.call(input);
    }
}
