using TorchSharp.Modules;

namespace Autograder.Checks;

/// <summary>
/// The learning rate of every step of a training run, observed from outside. The check hands Train
/// a probe model with one scalar parameter that is the logit of class 0 at every output, and labels
/// that are never class 0: the gradient of the mean cross-entropy with respect to that parameter is
/// then p(class 0) > 0 at every step, the same for every example and slowly changing. Adam divides
/// the gradient by its own running size, so each step moves the parameter by almost exactly the
/// learning rate of that step (the first step by exactly it). The probe records the parameter at
/// every forward pass; the moves between records are the steps. Nothing the learner reports is
/// used, and the learner's random initialisation plays no part. Used by exercises 09 and 10.
/// </summary>
internal sealed class StepSchedule(Device device)
{
    /// <summary>The last step may be at most this share of the first: a linear decay over the checks' 64 steps ends at 1/64, one per epoch over 8 epochs at 1/8.</summary>
    internal const double LastStepShare = 0.2;

    /// <summary>The first step must be within this factor of the learning rate (Adam's first step is exactly it).</summary>
    internal const double FirstStepFactor = 2.0;

    private readonly List<double> values = [];

    /// <summary>The probe's one parameter, the logit of class 0: it starts at 0 on the check's device.</summary>
    public Parameter Parameter { get; } = new(zeros(1, device: device));

    /// <summary>Forward passes on a batch of no images (a loop that runs one batch too many).</summary>
    public int EmptyBatches { get; private set; }

    /// <summary>Records a forward pass of the probe on a batch of <paramref name="images"/>, with the parameter as it is then.</summary>
    public void ObservePass(long images)
    {
        if (images == 0)
        {
            EmptyBatches++;
        }

        Observe();
    }

    /// <summary>Records the parameter as it is at a forward pass (or after Train).</summary>
    private void Observe()
    {
        using var noGrad = no_grad();
        using var cpu = Parameter.detach().cpu().to_type(ScalarType.Float64);
        values.Add(cpu.flatten()[0].item<double>());
    }

    /// <summary>The size of every move of the parameter between records; records that did not move it are not steps.</summary>
    public double[] Steps() =>
        [.. values.Zip(values.Skip(1), (before, after) => Math.Abs(after - before)).Where(step => step > 0)];

    /// <summary>
    /// Runs Train (<paramref name="train"/>) on the probe model, records the parameter as Train left
    /// it, then judges the run: it passes with the steps seen when they start near
    /// <paramref name="learningRate"/> and end near zero. <paramref name="probeHint"/> explains a
    /// libtorch failure inside Train.
    /// </summary>
    public Verdict Judge(CheckContext context, Func<double[]> train, string probeHint, double learningRate, int plannedSteps)
    {
        TorchFailure.Explain(context, "Train on the check's probe model", () => Expect.NotNull(train(), "Train"), probeHint);
        Observe();
        if (Disagreement(learningRate, plannedSteps) is { } wrong)
        {
            return Verdict.Fail(wrong);
        }

        var steps = Steps();
        return Verdict.Pass(
            $"{steps.Length} steps, from {Show.Number(steps[0])} (settings.LearningRate {Show.Number(learningRate)}) down to " +
            $"{Show.Number(steps[^1])}");
    }

    /// <summary>Null when the steps start near <paramref name="learningRate"/> and end near zero, else what is wrong, for the learner.</summary>
    private string? Disagreement(double learningRate, int plannedSteps)
    {
        if (EmptyBatches > 0)
        {
            return Checks.EmptyBatches.InTrain(EmptyBatches);
        }

        var steps = Steps();
        if (steps.Length == 0)
        {
            return $"Train never changed the model's parameters ({plannedSteps} steps were expected): for every mini-batch call " +
                "optimizer.zero_grad(), loss.backward() and optimizer.step(), with an optimizer built on model.parameters().";
        }

        var first = steps[0];
        var last = steps[^1];
        var seen = $"The check's probe model has one parameter whose gradient keeps its sign, so Adam moves it by the learning rate " +
            $"of each step: it saw {steps.Length} steps of sizes {Show.Vector(steps)}.";
        if (first > FirstStepFactor * learningRate || first < learningRate / FirstStepFactor)
        {
            return $"{seen} The first step moved it by {Show.Number(first)}, but with settings.LearningRate = {Show.Number(learningRate)} " +
                "Adam's first step moves it by exactly that rate: start the run at settings.LearningRate (optim.Adam(model.parameters(), " +
                "settings.LearningRate)), then let it fall.";
        }

        if (last > LastStepShare * first)
        {
            return $"{seen} The last step was {Show.Percent(last / first)} of the first; a learning rate decayed to zero over the run " +
                $"makes it small (at most {Show.Percent(LastStepShare)}). Set the rate of every step yourself, falling from " +
                "settings.LearningRate to zero over all the steps of the run (steps = epochs x ceil(N / batch size), rate at step s = " +
                "settings.LearningRate x (1 - s / steps)), with `foreach (var group in optimizer.ParamGroups) group.LearningRate = ...;` " +
                "before optimizer.step(). Large late steps keep jumping around the minimum instead of settling in it.";
        }

        return null;
    }
}
