using System.Runtime.InteropServices;

namespace GenAI.Tests.Course;

/// <summary>
/// Two views of this process's memory. RSS (from /proc/self/status) is what a learner sees
/// grow, but glibc may keep freed blocks mapped, so RSS can stay high after a correct free.
/// glibc's own count of bytes handed out by malloc (mallinfo2) drops as soon as libtorch frees
/// a tensor's storage, so it tells a leak from a lazy allocator.
/// </summary>
static class ProcessMemory
{
    public static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024; // the value is in kB
        throw new InvalidOperationException("/proc/self/status has no VmRSS line.");
    }

    /// <summary>Bytes currently allocated through malloc in all arenas, plus mmap-ed blocks.</summary>
    public static long MallocInUseBytes()
    {
        var info = mallinfo2();
        return (long)(info.uordblks + info.hblkhd);
    }

    public static void CollectGarbage()
    {
        // Twice: finalizers that run in the first pass can release the last references to others.
        for (var i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        GC.Collect();
    }

    public static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):F1} MB";

    // struct mallinfo2 from glibc's <malloc.h> (glibc 2.33 and newer): ten size_t fields.
    [StructLayout(LayoutKind.Sequential)]
    struct MallInfo2
    {
        public nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    static extern MallInfo2 mallinfo2();
}
