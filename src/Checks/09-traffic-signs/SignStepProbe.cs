namespace Autograder.Checks.TrafficSigns;

/// <summary>
/// A model of the check's own, for <see cref="StepSchedule"/>: its logits are one scalar parameter
/// for class 0 and 0 for every other class, whatever the images. With labels that are never class
/// 0, every training step pushes that parameter down by the step's learning rate (under Adam). It
/// records the parameter at every forward pass, and counts passes on no images.
/// </summary>
internal sealed class SignStepProbe : nn.Module<Tensor, Tensor>
{
    private readonly Tensor classMask;

    public SignStepProbe(int classes, Device device, StepSchedule schedule)
        : base(nameof(SignStepProbe))
    {
        Schedule = schedule;
        // Not a buffer: the learner's code must see one parameter and nothing else to move or save.
        classMask = nn.functional.one_hot(tensor(new long[] { 0 }), classes).to_type(ScalarType.Float32).to(device);
        register_parameter("logit", schedule.Parameter);
    }

    public StepSchedule Schedule { get; }

    public override Tensor forward(Tensor images)
    {
        var n = images.shape[0];
        Schedule.ObservePass(n);
        return classMask.mul(Schedule.Parameter).expand(n, classMask.shape[1]).contiguous();
    }
}
