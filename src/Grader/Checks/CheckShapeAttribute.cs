using System.Reflection;

namespace Autograder.Grader.Checks;

/// <summary>
/// Declares that a <see cref="CheckAttribute"/> method has another shape than
/// <c>static Verdict Name(CheckContext context)</c>, and turns it into the check's run. For a kind of
/// check that many methods share (a loop of trials, say), written once in the attribute instead
/// of in a wrapper around every method.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public abstract class CheckShapeAttribute : Attribute
{
    /// <summary>The run of the check declared on <paramref name="method"/>; throws <see cref="InvalidOperationException"/>, naming the method, when it has the wrong shape.</summary>
    public abstract Func<CheckContext, Verdict> RunOf(MethodInfo method);
}
