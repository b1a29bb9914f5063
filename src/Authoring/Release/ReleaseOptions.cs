namespace Autograder.Authoring.Release;

/// <summary>`grader release &lt;out-dir&gt; [--course DIR]`: where the teacher's course is and where the student copy goes.</summary>
/// <param name="OutDir">A new or empty folder; nothing in it is ever overwritten.</param>
/// <param name="Course">The teacher's course (the folder with Autograder.sln).</param>
internal sealed record ReleaseOptions(string OutDir, string Course);
