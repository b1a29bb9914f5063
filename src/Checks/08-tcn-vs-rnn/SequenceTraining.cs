using System.Diagnostics;

namespace Autograder.Checks.TcnVsRnn;

/// <summary>The two tasks of the exercise, as the TCN paper defines them.</summary>
internal enum SequenceTask
{
    /// <summary>Regression: the sum of the two marked values, read at the last step. Lower MSE is better.</summary>
    Adding,

    /// <summary>Classification at every step: repeat the first 10 digits after the delimiter. Higher recall is better.</summary>
    CopyMemory,
}

/// <summary>How a check trains a model: the task, its size and the step budget.</summary>
/// <param name="Task">Which task.</param>
/// <param name="Length">T: the sequence length of the adding problem, the blank length of copy memory.</param>
/// <param name="BatchSize">Sequences per step, fresh ones every step.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="MaxSteps">The step budget.</param>
/// <param name="Target">The goal: held-out MSE below it (adding), or recall at least it (copy memory).</param>
/// <param name="StopAtTarget">Stop at the first evaluation that meets the goal (else run the whole budget).</param>
/// <param name="EvalEvery">Steps between evaluations on the held-out set.</param>
/// <param name="EvalCount">Size of the held-out set.</param>
internal sealed record TrainingPlan(
    SequenceTask Task,
    int Length,
    int BatchSize,
    double LearningRate,
    int MaxSteps,
    double Target,
    bool StopAtTarget = true,
    int EvalEvery = 10,
    int EvalCount = 256)
{
    public int InputChannels => Task == SequenceTask.Adding ? 2 : CopyMemory.Symbols;

    public int OutputChannels => Task == SequenceTask.Adding ? 1 : CopyMemory.Symbols;

    public int SequenceLength => Task == SequenceTask.Adding ? Length : CopyMemory.SequenceLength(Length);

    public bool Meets(double metric) => Task == SequenceTask.Adding ? metric < Target : metric >= Target;

    public string MetricName => Task == SequenceTask.Adding ? "held-out MSE" : "recall";

    /// <summary>Recall is better the higher, MSE the lower.</summary>
    public bool HigherIsBetter => Task == SequenceTask.CopyMemory;
}

/// <summary>What a training run did.</summary>
/// <param name="Steps">Steps taken.</param>
/// <param name="Reached">Whether an evaluation met the plan's goal.</param>
/// <param name="Metric">The last evaluation: held-out MSE or recall.</param>
/// <param name="Curve">Every evaluation, in order.</param>
/// <param name="MillisecondsPerStep">Mean wall-clock time of forward, backward and optimiser step.</param>
/// <param name="Parameters">Number of trainable values in the model.</param>
/// <param name="FirstLoss">Training loss at the first step.</param>
/// <param name="LastLoss">Training loss at the last step.</param>
/// <param name="DivergedAt">The step whose loss was NaN or infinite, if any.</param>
/// <param name="OutOfTime">Whether the run stopped before its budget because the check's time was running out.</param>
/// <param name="Untrained">The held-out metric before the first step: a model that meets the goal untrained learned nothing.</param>
internal sealed record TrainingRun(
    int Steps,
    bool Reached,
    double Metric,
    IReadOnlyList<double> Curve,
    double MillisecondsPerStep,
    long Parameters,
    double FirstLoss,
    double LastLoss,
    int? DivergedAt,
    bool OutOfTime,
    double Untrained);

/// <summary>
/// The training loop every training check uses, so that a step budget means the same for every
/// learner: Adam, gradients clipped to norm 1, a fresh seeded batch each step, evaluation on a
/// fixed held-out set. It is not part of the exercise (the models are).
/// </summary>
internal static class SequenceTraining
{
    public const double ClipNorm = 1.0;

    /// <summary>
    /// Wall-clock time after which a run stops early. All checks of exercise 08 share one 30 s
    /// budget (TcnVsRnnChecks' Exercise.Budget), and the grader ends what outlasts it with a bare
    /// "timed out"; a model too slow to finish gets its curve and a reason instead.
    /// The reference needs under 2 s per run.
    /// </summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(11);

    /// <summary>Trains <paramref name="model"/> on <paramref name="plan"/>'s task with data from <paramref name="dataSeed"/>.</summary>
    public static TrainingRun Train(CheckContext context, nn.Module<Tensor, Tensor> model, string name, TrainingPlan plan, int dataSeed)
    {
        var device = context.Device;
        using var heldOut = Generate(plan, plan.EvalCount, unchecked((dataSeed * 100_003) - 1), device);
        using var heldOutInput = Input(plan, heldOut);
        using (var few = heldOutInput.narrow(0, 0, 2))
        {
            // The shape first: a clear message now beats a broadcasting error in the loss.
            SequenceProbes.Output(model, few, plan.OutputChannels, name);
        }

        var parameters = model.parameters().ToList();
        var count = parameters.Sum(p => p.numel());
        if (count == 0)
        {
            throw new CheckFailedException(
                $"the {name} has no trainable parameters. Keep its layers in fields and call RegisterComponents() at the end " +
                "of the constructor, so that parameters() finds them.");
        }

        // Before any step: a fresh model that already meets the goal computes the answer without learning it.
        var untrained = Evaluate(model, plan, heldOutInput, heldOut.Targets);
        using var optimizer = optim.Adam(parameters, plan.LearningRate);
        var curve = new List<double>();
        var clock = new Stopwatch();
        var wall = Stopwatch.StartNew();
        var outOfTime = false;
        double firstLoss = double.NaN, lastLoss = double.NaN, metric = double.NaN;
        var steps = 0;
        var reached = false;
        int? divergedAt = null;
        model.train();
        while (steps < plan.MaxSteps && !context.Cancellation.IsCancellationRequested)
        {
            if (wall.Elapsed > TimeLimit)
            {
                outOfTime = true;
                metric = Evaluate(model, plan, heldOutInput, heldOut.Targets);
                curve.Add(metric);
                reached |= plan.Meets(metric);
                break;
            }

            using (var scope = NewDisposeScope())
            {
                using var batch = Generate(plan, plan.BatchSize, unchecked((dataSeed * 100_003) + steps), device);
                var input = Input(plan, batch);
                clock.Start();
                optimizer.zero_grad();
                var loss = Loss(plan, model.forward(input), batch.Targets);
                var value = loss.item<float>();
                if (!float.IsFinite(value))
                {
                    clock.Stop();
                    divergedAt = steps;
                    break;
                }

                loss.backward();
                nn.utils.clip_grad_norm_(parameters, ClipNorm);
                optimizer.step();
                clock.Stop();
                firstLoss = steps == 0 ? value : firstLoss;
                lastLoss = value;
            }

            steps++;
            if (steps % plan.EvalEvery == 0 || steps == plan.MaxSteps)
            {
                metric = Evaluate(model, plan, heldOutInput, heldOut.Targets);
                curve.Add(metric);
                reached |= plan.Meets(metric);
                if (reached && plan.StopAtTarget)
                {
                    break;
                }
            }
        }

        return new TrainingRun(
            steps, reached, metric, curve, steps == 0 ? 0 : clock.Elapsed.TotalMilliseconds / steps, count, firstLoss, lastLoss, divergedAt, outOfTime, untrained);
    }

    private static double Evaluate(nn.Module<Tensor, Tensor> model, TrainingPlan plan, Tensor input, Tensor targets)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        try
        {
            var output = model.forward(input);
            return plan.Task == SequenceTask.Adding
                ? Loss(plan, output, targets).item<float>()
                : CopyMemory.Recall(output, targets);
        }
        finally
        {
            model.train();
        }
    }

    private static SequenceBatch Generate(TrainingPlan plan, int count, int seed, Device device) =>
        plan.Task == SequenceTask.Adding
            ? AddingProblem.Generate(count, plan.Length, seed, device)
            : CopyMemory.Generate(count, plan.Length, seed, device);

    /// <summary>What the model reads: the adding inputs as they are, copy-memory digits one-hot.</summary>
    private static Tensor Input(TrainingPlan plan, SequenceBatch batch) =>
        plan.Task == SequenceTask.Adding ? batch.Inputs.alias() : CopyMemory.OneHot(batch.Inputs);

    private static Tensor Loss(TrainingPlan plan, Tensor output, Tensor targets)
    {
        long[] expected = [targets.shape[0], plan.OutputChannels, plan.SequenceLength];
        if (output is null || !output.shape.SequenceEqual(expected))
        {
            throw new CheckFailedException(
                $"during training the model returned {(output is null ? "null" : "shape " + SequenceProbes.ShapeOf(output.shape))} " +
                $"for a batch of shape [{targets.shape[0]}, {plan.InputChannels}, {plan.SequenceLength}]; expected {SequenceProbes.ShapeOf(expected)}.");
        }

        // Adding: the answer is read at the last step, after the model has seen both marks.
        return plan.Task == SequenceTask.Adding
            ? nn.functional.mse_loss(output[.., 0, -1], targets)
            : nn.functional.cross_entropy(output, targets);
    }
}
