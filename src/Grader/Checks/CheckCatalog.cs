using System.Reflection;

namespace Autograder.Grader.Checks;

/// <summary>
/// Every exercise and check the grader knows, gathered from the check assemblies. The student
/// copy ships only the public check assembly, so the same grader there knows only public checks.
/// </summary>
public sealed class CheckCatalog
{
    private readonly Dictionary<string, ExerciseSpec> _exercises;
    private readonly Dictionary<string, List<CheckDefinition>> _checks;
    private readonly List<ICheckSource> _sources;

    public CheckCatalog(IEnumerable<ICheckSource> sources)
    {
        var list = sources.ToList();
        _sources = list;
        _exercises = [];
        foreach (var exercise in list.SelectMany(source => source.Exercises))
        {
            if (!_exercises.TryAdd(exercise.Id, exercise))
            {
                throw new InvalidOperationException($"Exercise {exercise.Id} is defined twice.");
            }
        }

        _checks = _exercises.Keys.ToDictionary(id => id, _ => new List<CheckDefinition>());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in list.SelectMany(source => source.Checks()))
        {
            if (!_checks.TryGetValue(check.ExerciseId, out var checks))
            {
                throw new InvalidOperationException($"Check {check.Id} belongs to unknown exercise {check.ExerciseId}.");
            }

            if (!ids.Add(check.Id))
            {
                throw new InvalidOperationException($"Check ID {check.Id} is used twice.");
            }

            checks.Add(check);
        }
    }

    /// <summary>Exercises in course order (their IDs start with the number).</summary>
    public IReadOnlyList<ExerciseSpec> Exercises =>
        [.. _exercises.Values.OrderBy(exercise => exercise.Id, StringComparer.Ordinal)];

    public bool TryGetExercise(string id, out ExerciseSpec exercise) =>
        _exercises.TryGetValue(id, out exercise!);

    /// <summary>The checks of one exercise, visible ones first, each group in declaration order.</summary>
    public IReadOnlyList<CheckDefinition> ChecksOf(string exerciseId) =>
        [.. _checks[exerciseId].OrderBy(check => check.Visibility)];

    public IEnumerable<CheckDefinition> AllChecks => Exercises.SelectMany(exercise => ChecksOf(exercise.Id));

    /// <summary>This catalog and more checks of its exercises (a teacher's scripts, say).</summary>
    public CheckCatalog With(IEnumerable<CheckDefinition> more) => new([.. _sources, new ListedChecks([.. more])]);

    /// <summary>A catalog of the check sources in the given assemblies.</summary>
    public static CheckCatalog FromAssemblies(IEnumerable<Assembly> assemblies) =>
        new(assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ICheckSource).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (ICheckSource)Activator.CreateInstance(type)!));

    /// <summary>
    /// The check assemblies next to the running program: <c>Autograder.Checks.dll</c> and, in the
    /// teacher's copy, the hidden checks' assembly next to it.
    /// </summary>
    public static CheckCatalog FromBaseDirectory()
    {
        var assemblies = Directory
            .EnumerateFiles(AppContext.BaseDirectory, "Autograder.Checks*.dll")
            .Order(StringComparer.Ordinal)
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)))
            .ToList();
        return assemblies.Count > 0
            ? FromAssemblies(assemblies)
            : throw new InvalidOperationException(
                $"No check assemblies (Autograder.Checks*.dll) next to the grader in {AppContext.BaseDirectory}; rebuild the grader.");
    }
}

/// <summary>Checks given as a list, defining no exercise of their own.</summary>
internal sealed class ListedChecks(IReadOnlyList<CheckDefinition> checks) : ICheckSource
{
    public IEnumerable<CheckDefinition> Checks() => checks;
}
