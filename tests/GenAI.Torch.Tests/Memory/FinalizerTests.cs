using System.Runtime.CompilerServices;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Memory;

[Collection(MemoryCollection.Name)]
public class FinalizerTests(ITestOutputHelper output)
{
    const int Count = 4_000;
    const int FloatsEach = 16 * 1024; // 64 KiB of storage per tensor, 250 MiB in all
    const long Total = (long)Count * FloatsEach * sizeof(float);

    [Fact]
    public void Tensors_dropped_without_dispose_are_freed_by_their_finalizers()
    {
        ProcessMemory.CollectGarbage();
        ProcessMemory.ReturnFreeMemoryToSystem();
        var liveBefore = torch.Tensor.TotalCount;
        var mallocBefore = ProcessMemory.MallocInUseBytes();
        var rssBefore = ProcessMemory.ResidentBytes();

        var handles = AllocateAndDrop();
        // The storage is really there while the tensors are unreachable but not yet collected;
        // otherwise the drop below would prove nothing.
        var mallocHeld = ProcessMemory.MallocInUseBytes() - mallocBefore;
        Assert.True(mallocHeld > Total * 9 / 10,
            $"{Count} tensors of {FloatsEach} floats should hold about {ProcessMemory.Megabytes(Total)}, malloc shows {ProcessMemory.Megabytes(mallocHeld)}");

        ProcessMemory.CollectGarbage();

        Assert.All(handles, h => Assert.False(h.IsAlive, "a dropped tensor is still reachable"));
        // The engine's count of native tensors not yet freed is back where it was (or lower, if
        // garbage from earlier tests went in the same collection).
        Assert.True(torch.Tensor.TotalCount <= liveBefore,
            $"{torch.Tensor.TotalCount - liveBefore} more native tensors are alive than before the {Count} were made");
        var mallocLeft = ProcessMemory.MallocInUseBytes() - mallocBefore;
        Assert.True(mallocLeft < Total / 20,
            $"after the finalizers ran, {ProcessMemory.Megabytes(mallocLeft)} of {ProcessMemory.Megabytes(Total)} is still allocated");
        ProcessMemory.ReturnFreeMemoryToSystem();
        var rssLeft = ProcessMemory.ResidentBytes() - rssBefore;
        output.WriteLine($"held {ProcessMemory.Megabytes(mallocHeld)}; after collection malloc-ed {ProcessMemory.Megabytes(mallocLeft)}, RSS {ProcessMemory.Megabytes(rssLeft)} above the start");
        // RSS is coarse (the runtime, glibc arenas and BLAS buffers move it too), so it only has to
        // show that most of what was held went back to the system; malloc above is the precise check.
        Assert.True(rssLeft < Total / 2,
            $"after the finalizers ran, RSS is still {ProcessMemory.Megabytes(rssLeft)} above where it started");
    }

    // Not inlined, so that no local of the test method keeps a tensor reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static List<WeakReference> AllocateAndDrop()
    {
        var handles = new List<WeakReference>(Count);
        for (var i = 0; i < Count; i++)
        {
            // ones, not empty: the pages are written, so they count in RSS.
            var tensor = torch.ones(FloatsEach);
            handles.Add(new WeakReference(tensor));
        }
        return handles;
    }
}
