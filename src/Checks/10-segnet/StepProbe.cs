using Autograder.Reference.Segmentation;

namespace Autograder.Checks.Segmentation;

/// <summary>
/// A SegNetModule of the check's own, for <see cref="StepSchedule"/>: its logits are one scalar
/// parameter at class 0 of every pixel and 0 elsewhere, whatever the images. With labels that are
/// never class 0, every training step pushes that parameter down by the step's learning rate
/// (under Adam). It records the parameter at every pass, and counts passes on no images.
/// </summary>
internal sealed class StepProbe : SegNetModule
{
    private readonly Tensor classMask;

    public StepProbe(int classes, Device device, StepSchedule schedule)
        : base(nameof(StepProbe))
    {
        Schedule = schedule;
        // Not a buffer: the learner's code must see one parameter and nothing else to move or save.
        classMask = nn.functional.one_hot(tensor(new long[] { 0 }), classes).to_type(ScalarType.Float32).reshape(1, classes, 1, 1).to(device);
        register_parameter("logit", schedule.Parameter);
    }

    public StepSchedule Schedule { get; }

    public override SegNetOutput Run(Tensor images)
    {
        var (n, h, w) = (images.shape[0], images.shape[2], images.shape[3]);
        Schedule.ObservePass(n);
        var logits = classMask.mul(Schedule.Parameter).expand(n, classMask.shape[1], h, w).contiguous();
        return new SegNetOutput(logits, []);
    }
}
