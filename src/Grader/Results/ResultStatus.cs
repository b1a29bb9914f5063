namespace Autograder.Grader.Results;

/// <summary>
/// passed and failed are verdicts on the learner's code; error means it could not be graded
/// (it did not compile, broke the policy, ran out of time, crashed); skipped means the check
/// cannot run on this machine and counts neither way.
/// </summary>
public enum ResultStatus
{
    Passed,
    Failed,
    Error,
    Skipped,
}
