using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// The few libc calls the submission reader needs on Linux, on raw byte paths: .NET's own file
/// API decodes names as UTF-8 with replacement characters (a name that is not UTF-8 then cannot
/// be opened or shown), follows links when it opens, and has no way to tell a FIFO or a device
/// from a file before opening it (opening a FIFO blocks).
/// </summary>
internal static class UnixFiles
{
    public enum Kind { Missing, Regular, Directory, SymbolicLink, Fifo, Socket, Device, Other }

    public sealed record Status(Kind Kind, long Size, long Links);

    /// <summary>Whether this process can use these calls: Linux on x64 or arm64 (the stat layouts below).</summary>
    public static bool Available { get; } = OperatingSystem.IsLinux()
        && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    private const int ORdOnly = 0;
    private const int ONonBlock = 0x800;
    private const int OCloExec = 0x80000;
    private static readonly int ODirectory = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x4000 : 0x10000;
    private static readonly int ONoFollow = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x8000 : 0x20000;

    /// <summary>lstat: what the entry itself is, a link not followed.</summary>
    public static Status LStat(byte[] path)
    {
        var buffer = new byte[256];
        return lstat(Terminated(path), buffer) == 0 ? Decode(buffer) : new Status(Kind.Missing, 0, 0);
    }

    /// <summary>
    /// Opens a regular file for reading without following a final link and without blocking
    /// (a FIFO swapped in after <see cref="LStat"/> opens at once instead of waiting for a writer),
    /// then checks with fstat that what was opened is a regular file. Null when it is not.
    /// </summary>
    public static SafeFileHandle? OpenRegular(byte[] path, out Status status)
    {
        var fd = open(Terminated(path), ORdOnly | ONoFollow | ONonBlock | OCloExec);
        if (fd < 0)
        {
            status = new Status(Kind.Missing, 0, 0);
            return null;
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var buffer = new byte[256];
        status = fstat(fd, buffer) == 0 ? Decode(buffer) : new Status(Kind.Other, 0, 0);
        if (status.Kind != Kind.Regular)
        {
            handle.Dispose();
            return null;
        }

        return handle;
    }

    /// <summary>The real path of an open file, from /proc (where it ended up, whatever the path said).</summary>
    public static string? RealPathOf(SafeFileHandle handle)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{handle.DangerousGetHandle()}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The names in a folder as raw bytes, without "." and "..". Null when it cannot be listed.</summary>
    public static List<byte[]>? List(byte[] folder)
    {
        var fd = open(Terminated(folder), ORdOnly | ODirectory | ONoFollow | OCloExec);
        if (fd < 0)
        {
            return null;
        }

        var directory = fdopendir(fd);
        if (directory == IntPtr.Zero)
        {
            close(fd);
            return null;
        }

        try
        {
            var names = new List<byte[]>();
            for (var entry = readdir(directory); entry != IntPtr.Zero; entry = readdir(directory))
            {
                // struct dirent on 64-bit Linux: ino (8), off (8), reclen (2), type (1), name.
                var name = ReadName(entry + 19);
                if (name is not [(byte)'.'] and not [(byte)'.', (byte)'.'])
                {
                    names.Add(name);
                }
            }

            return names;
        }
        finally
        {
            closedir(directory);
        }
    }

    /// <summary>The name as valid UTF-8 text, or null when its bytes are not UTF-8.</summary>
    public static string? StrictName(byte[] name)
    {
        try
        {
            return Strict.GetString(name);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A name shown safely: valid UTF-8 as text, every other byte as \xNN.</summary>
    public static string Visible(byte[] name)
    {
        var text = new StringBuilder();
        var index = 0;
        while (index < name.Length)
        {
            var length = Enumerable.Range(1, Math.Min(4, name.Length - index))
                .FirstOrDefault(count => StrictName(name[index..(index + count)]) is not null);
            if (length == 0)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{name[index]:x2}");
                index++;
            }
            else
            {
                text.Append(StrictName(name[index..(index + length)]));
                index += length;
            }
        }

        return text.ToString();
    }

    /// <summary>The absolute path with every link resolved, or null.</summary>
    public static string? RealPath(string path)
    {
        var resolved = realpath(Terminated(Encoding.UTF8.GetBytes(path)), IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    public static byte[] Join(byte[] folder, byte[] name) => [.. folder, (byte)'/', .. name];

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static byte[] ReadName(IntPtr name)
    {
        var length = 0;
        while (Marshal.ReadByte(name, length) != 0)
        {
            length++;
        }

        var bytes = new byte[length];
        Marshal.Copy(name, bytes, 0, length);
        return bytes;
    }

    private static byte[] Terminated(byte[] path) => [.. path, 0];

    private static Status Decode(byte[] stat)
    {
        // struct stat: x64 has nlink (8 bytes) at 16 and mode at 24; arm64 has mode at 16 and
        // nlink (4 bytes) at 20. Size is at 48 on both.
        var arm = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;
        var mode = BitConverter.ToUInt32(stat, arm ? 16 : 24);
        var links = arm ? BitConverter.ToUInt32(stat, 20) : BitConverter.ToInt64(stat, 16);
        var size = BitConverter.ToInt64(stat, 48);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Directory,
            0xA000 => Kind.SymbolicLink,
            0x1000 => Kind.Fifo,
            0xC000 => Kind.Socket,
            0x2000 or 0x6000 => Kind.Device,
            _ => Kind.Other,
        };
        return new Status(kind, size, links);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int lstat(byte[] path, [Out] byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int fstat(int fd, [Out] byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr fdopendir(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr readdir(IntPtr directory);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath(byte[] path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);

    [DllImport("libc")]
    private static extern int closedir(IntPtr directory);
}
