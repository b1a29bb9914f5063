using Autograder.Grader.Checks;
using Autograder.Grader.Results;

namespace Autograder.Grader.Pipeline;

/// <summary>Hears about grading as it happens, to show progress.</summary>
public interface IGradingObserver
{
    void ExerciseStarted(ExerciseSpec exercise, int checks);

    void CheckFinished(ExerciseSpec exercise, CheckResult check);

    void ExerciseFinished(ExerciseResult result);
}
