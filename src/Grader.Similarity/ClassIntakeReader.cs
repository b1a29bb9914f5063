using Autograder.Grader.Batch;
using Autograder.Grader.Pipeline;

namespace Autograder.Grader.Similarity;

/// <summary>
/// Reads a class dir exactly as `grader batch` does (<see cref="ClassIntake"/>, <see cref="StudentIntake"/>):
/// one folder or .zip per student, or loose .cs files placed by the types the stubs declare, with
/// Canvas, Moodle and GitHub Classroom export names giving the student IDs. So similarity compares
/// the very students and files the gradebook names. Entries and exercises that intake refuses are
/// listed as not compared, with intake's reason.
/// </summary>
/// <param name="starterDir">The course's exercises/, whose stubs' types place loose files.</param>
/// <param name="exclude">A folder inside the class dir that is no student's (the batch's or this pass's out-dir).</param>
public sealed class ClassIntakeReader(string starterDir, string? exclude = null) : IClassReader
{
    public ClassWork Read(string classDir)
    {
        var roster = ClassIntake.Scan(classDir, exclude);
        var intake = new StudentIntake(ExerciseTypes.FromStubs(starterDir), []);
        var students = new List<StudentWork>();
        var skipped = roster.Unmatched.Select(entry => new SkippedEntry(entry.Entry, entry.Reason)).ToList();
        foreach (var student in roster.Students)
        {
            var outcome = intake.Read(student);
            if (outcome.Submission is null)
            {
                skipped.Add(new SkippedEntry(student.Entries, outcome.Problem ?? "could not be read"));
                continue;
            }

            var readable = new Dictionary<string, IReadOnlyList<Compile.SourceFile>>(StringComparer.Ordinal);
            foreach (var (exercise, files) in outcome.Submission.Exercises)
            {
                if (files is UnreadableExercise unreadable)
                {
                    skipped.Add(new SkippedEntry($"{student.Id}/{exercise}", unreadable.Reason));
                }
                else
                {
                    readable[exercise] = files;
                }
            }

            students.Add(new StudentWork(student.Id, readable));
        }

        return new ClassWork(students, skipped);
    }
}
