using Autograder.Grader.Policy;

namespace Autograder.Checks;

/// <summary>Bans that several exercises share.</summary>
public static class CourseBans
{
    /// <summary>01-03 are about the mathematics itself: no framework may do it for the learner.</summary>
    public static readonly BannedApi NoTorchSharp = new(
        "TorchSharp.*",
        "this exercise is written with plain C# arrays and loops, so that you see every step of the maths; TorchSharp comes in exercise 04.");
}
