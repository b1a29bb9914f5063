using Autograder.Checks.TcnVsRnn;
using Autograder.Grader.Checks;
using Autograder.Reference.TcnVsRnn;

namespace Autograder.Checks.Hidden.TcnVsRnn;

/// <summary>
/// Exercise 08, hidden checks: the same properties as the public ones at other steps, other
/// shapes and other seeds, so that a model tuned to the public cases does not pass by luck.
/// Causality, receptive field and layout are measured by perturbation and need no oracle; the
/// training checks use the thresholds measured on the reference solution
/// (solutions/08-tcn-vs-rnn), see src/Checks.Hidden/docs/08-tcn-vs-rnn.md.
/// </summary>
public sealed class TcnVsRnnHiddenChecks : ICheckSource
{
    private static readonly ExerciseSpec Exercise = TcnVsRnnChecks.Exercise;

    public IEnumerable<CheckDefinition> Checks() =>
    [
        Exercise.Check("block-causal-other-steps", "a temporal block never looks ahead, at other steps and dilations", points: 1, seed: 901,
            context => TcnVsRnnChecks.BlockCausal(context, [(3, 7, 2, 3), (7, 7, 4, 2), (4, 4, 3, 5)], length: 33, steps: [2, 11, 21, 32]),
            Visibility.Hidden),
        Exercise.Check("tcn-causal-other-shape", "another TCN never looks ahead", points: 1, seed: 902,
            context => TcnVsRnnChecks.TcnCausal(context, new TcnShape(5, 6, 3, 2, [1, 3, 9]), length: 50, steps: [0, 4, 26, 49]),
            Visibility.Hidden),
        Exercise.Check("receptive-field-other-dilations", "the receptive field follows the dilations it is given", points: 2, seed: 903,
            context => TcnVsRnnChecks.ReceptiveField(context,
                [new TcnShape(2, 8, 2, 2, [2, 3, 5]), new TcnShape(3, 6, 1, 4, [1, 1]), new TcnShape(2, 8, 2, 1, [1, 2])], start: 3),
            Visibility.Hidden),
        Exercise.Check("gru-layout-square", "the GRU layout when batch, channels and length are all equal", points: 1, seed: 904,
            context => TcnVsRnnChecks.GruLayout(context, count: 5, channels: 5, length: 5, step: 3),
            Visibility.Hidden),
        Exercise.Check("gru-layout-single", "the GRU layout with a batch of one sequence", points: 1, seed: 905,
            context => TcnVsRnnChecks.GruLayout(context, count: 1, channels: 3, length: 12, step: 1),
            Visibility.Hidden),
        Exercise.Check("gru-adding-other-seed", "the GRU solves the adding problem from another start", points: 2, seed: 906,
            context => TcnVsRnnChecks.GruAdding(context, TcnVsRnnChecks.AddingPlan),
            Visibility.Hidden),
        Exercise.Check("tcn-copy-memory-other-seed", "the TCN solves the copy-memory task from another start", points: 2, seed: 907,
            context => TcnVsRnnChecks.TcnCopyMemory(context, TcnVsRnnChecks.CopyPlan),
            Visibility.Hidden),
    ];
}
