namespace Autograder.Checks;

/// <summary>
/// What a probe wrapped around a learner's model counts of the passes run through it: how many,
/// how many in training mode, with gradients on (training steps), both, and on no examples.
/// Used by the probes of exercises 09 and 10.
/// </summary>
internal sealed class PassCounts
{
    public int Calls { get; private set; }

    /// <summary>Passes in training mode.</summary>
    public int TrainingCalls { get; private set; }

    /// <summary>Passes with gradients on (training steps).</summary>
    public int GradientCalls { get; private set; }

    /// <summary>Passes with gradients on that ran in training mode.</summary>
    public int TrainingGradientCalls { get; private set; }

    /// <summary>Passes on a batch of no examples.</summary>
    public int EmptyCalls { get; private set; }

    /// <summary>Counts one pass on a batch of <paramref name="examples"/> by a module in training mode or not.</summary>
    public void Count(bool training, long examples)
    {
        var gradients = is_grad_enabled();
        Calls++;
        TrainingCalls += training ? 1 : 0;
        GradientCalls += gradients ? 1 : 0;
        TrainingGradientCalls += training && gradients ? 1 : 0;
        EmptyCalls += examples == 0 ? 1 : 0;
    }
}
