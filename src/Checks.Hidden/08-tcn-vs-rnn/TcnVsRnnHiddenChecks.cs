using Autograder.Checks.TcnVsRnn;
using Autograder.Reference.TcnVsRnn;

namespace Autograder.Checks.Hidden.TcnVsRnn;

/// <summary>
/// Exercise 08, hidden checks: the same properties as the public ones at other steps, other
/// shapes and other seeds, so that a model tuned to the public cases does not pass by luck.
/// Causality, receptive field and layout are measured by perturbation and need no oracle; the
/// training checks use the thresholds measured on the reference solution
/// (solutions/08-tcn-vs-rnn), see src/Checks.Hidden/docs/08-tcn-vs-rnn.md.
/// </summary>
public sealed class TcnVsRnnHiddenChecks() : CheckSource(TcnVsRnnChecks.Exercise)
{
    [Check("block-causal-other-steps", "a temporal block never looks ahead, at other steps and dilations", Points = 1, Seed = 901, Visibility = Visibility.Hidden)]
    private static Verdict BlockCausalOtherSteps(CheckContext context) =>
        TcnVsRnnChecks.BlockCausal(context, [(3, 7, 2, 3), (7, 7, 4, 2), (4, 4, 3, 5)], length: 33, steps: [2, 11, 21, 32]);

    [Check("tcn-causal-other-shape", "another TCN never looks ahead", Points = 1, Seed = 902, Visibility = Visibility.Hidden)]
    private static Verdict TcnCausalOtherShape(CheckContext context) =>
        TcnVsRnnChecks.TcnCausal(context, new TcnShape(5, 6, 3, 2, [1, 3, 9]), length: 50, steps: [0, 4, 26, 49]);

    [Check("receptive-field-other-dilations", "the receptive field follows the dilations it is given", Points = 2, Seed = 903, Visibility = Visibility.Hidden)]
    private static Verdict ReceptiveFieldOtherDilations(CheckContext context) => TcnVsRnnChecks.ReceptiveField(context,
        [new TcnShape(2, 8, 2, 2, [2, 3, 5]), new TcnShape(3, 6, 1, 4, [1, 1]), new TcnShape(2, 8, 2, 1, [1, 2])], start: 3);

    [Check("gru-layout-square", "the GRU layout when batch, channels and length are all equal", Points = 1, Seed = 904, Visibility = Visibility.Hidden)]
    private static Verdict GruLayoutSquare(CheckContext context) => TcnVsRnnChecks.GruLayout(context, count: 5, channels: 5, length: 5, step: 3);

    [Check("gru-layout-single", "the GRU layout with a batch of one sequence", Points = 1, Seed = 905, Visibility = Visibility.Hidden)]
    private static Verdict GruLayoutSingle(CheckContext context) => TcnVsRnnChecks.GruLayout(context, count: 1, channels: 3, length: 12, step: 1);

    [Check("gru-adding-other-seed", "the GRU solves the adding problem from another start", Points = 2, Seed = 906, Visibility = Visibility.Hidden)]
    private static Verdict GruAddingOtherSeed(CheckContext context) => TcnVsRnnChecks.GruAdding(context, TcnVsRnnChecks.AddingPlan);

    [Check("tcn-copy-memory-other-seed", "the TCN solves the copy-memory task from another start", Points = 2, Seed = 907, Visibility = Visibility.Hidden)]
    private static Verdict TcnCopyMemoryOtherSeed(CheckContext context) => TcnVsRnnChecks.TcnCopyMemory(context, TcnVsRnnChecks.CopyPlan);
}
