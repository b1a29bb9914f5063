using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Autograder.Grader.Policy;

namespace Autograder.Checks;

/// <summary>
/// The course's two kinds of exercise, each with the bans and the usings that come with it. An
/// exercise declares its kind rather than its bans, so that a new exercise cannot take a device's
/// API bans and forget the device names spelled out in strings.
/// </summary>
public static class ExerciseKinds
{
    /// <summary>01 to 03: the mathematics in plain C#; TorchSharp is banned and not among the usings.</summary>
    public static ExerciseSpec ByHand(string id, string title) =>
        new() { Id = id, Title = title, Bans = [CourseBans.NoTorchSharp] };

    /// <summary>
    /// 04 on: TorchSharp, in the usings, on the device the checks pass in. <paramref name="returnsArrays"/> is for
    /// exercises whose methods hand results back as .NET arrays (see
    /// <see cref="DeviceBans.ApisReturningArrays"/>); <paramref name="exerciseBans"/> are matched first.
    /// </summary>
    public static ExerciseSpec OnDevice(string id, string title, bool returnsArrays = false, params IEnumerable<BannedApi> exerciseBans) =>
        new()
        {
            Id = id,
            Title = title,
            Bans = [.. exerciseBans, .. returnsArrays ? DeviceBans.ApisReturningArrays : DeviceBans.Apis],
            BannedLiterals = DeviceBans.Literals,
            Usings = CourseUsings.WithTorchSharp,
        };
}
