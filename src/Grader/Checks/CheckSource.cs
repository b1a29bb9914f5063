using System.Reflection;

namespace Autograder.Grader.Checks;

/// <summary>
/// The check source of one exercise whose checks are its own methods, each declared with
/// <see cref="CheckAttribute"/> next to its code. Checks keep the order of their lines in the
/// file (keep a source in one file): reports, gradebooks and docs/checks list them in that order.
/// </summary>
public abstract class CheckSource(ExerciseSpec exercise) : ICheckSource
{
    /// <summary>None, unless this is the exercise's public source, which defines it.</summary>
    public virtual IEnumerable<ExerciseSpec> Exercises => [];

    public IEnumerable<CheckDefinition> Checks() =>
        GetType().GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Select(method => (Method: method, Declared: method.GetCustomAttribute<CheckAttribute>()))
            .Where(pair => pair.Declared is not null)
            .OrderBy(pair => pair.Declared!.Line)
            .Select(pair => exercise.Check(
                pair.Declared!.Slug, pair.Declared.Name, pair.Declared.Points, pair.Declared.Seed, RunOf(pair.Method), pair.Declared.Visibility))
            .ToList();

    private static Func<CheckContext, Verdict> RunOf(MethodInfo method)
    {
        if (method.GetCustomAttribute<CheckShapeAttribute>() is { } shape)
        {
            return shape.RunOf(method);
        }

        return method.IsStatic && method.ReturnType == typeof(Verdict) && method.GetParameters() is [{ ParameterType: var parameter }] && parameter == typeof(CheckContext)
            ? method.CreateDelegate<Func<CheckContext, Verdict>>()
            : throw new InvalidOperationException(
                $"{method.DeclaringType?.FullName}.{method.Name} is declared a check but is not a static Verdict {method.Name}(CheckContext context), " +
                "and no CheckShapeAttribute on it says what else it is.");
    }
}
