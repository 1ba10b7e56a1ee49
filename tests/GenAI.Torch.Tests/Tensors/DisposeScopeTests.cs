using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Tensors;

public class DisposeScopeTests
{
    [Fact]
    public void TensorsMadeInsideAreFreedAtScopeEnd()
    {
        Tensor a, b, c;
        using (var scope = NewDisposeScope())
        {
            a = ones(3);
            b = a * 2;
            c = b.sum();
            Assert.Equal(3, scope.DisposablesCount);
            Assert.True(scope.Contains(b));
        }
        Assert.True(a.IsInvalid);
        Assert.True(b.IsInvalid);
        Assert.True(c.IsInvalid);
    }

    [Fact]
    public void MoveToOuterKeepsOneAliveInTheEnclosingScope()
    {
        Tensor kept, dropped;
        using (var outer = NewDisposeScope())
        {
            using (var inner = NewDisposeScope())
            {
                dropped = ones(2);
                kept = (dropped + 1).MoveToOuterDisposeScope();
                Assert.False(inner.Contains(kept));
                Assert.True(outer.Contains(kept));
            }
            Assert.True(dropped.IsInvalid);
            Assert.False(kept.IsInvalid);
            Assert.Equal(new float[] { 2, 2 }, kept.data<float>().ToArray());
        }
        Assert.True(kept.IsInvalid);
    }

    [Fact]
    public void ScopeMoveToOuterAndDetachFromDisposeScope()
    {
        Tensor outlived, moved;
        using (var scope = NewDisposeScope())
        {
            outlived = ones(2).DetachFromDisposeScope();
            moved = scope.MoveToOuter(zeros(2)); // no outer scope: nobody owns it now
        }
        Assert.False(outlived.IsInvalid);
        Assert.False(moved.IsInvalid);
        Assert.Equal(2f, outlived.sum().item<float>());
        outlived.Dispose();
        moved.Dispose();
        Assert.True(outlived.IsInvalid);
    }

    [Fact]
    public void DisposingInsideAScopeRemovesItAndOthersStay()
    {
        using var scope = NewDisposeScope();
        var a = ones(1);
        var b = ones(2);
        var c = ones(3);
        a.Dispose();
        Assert.Equal(2, scope.DisposablesCount);
        Assert.True(scope.Contains(c));
        scope.DisposeEverythingBut(c);
        Assert.True(b.IsInvalid);
        Assert.False(c.IsInvalid);
        Assert.Equal(1, scope.DisposablesCount);
    }

    [Fact]
    public void StatisticsCountCreationAndDisposal()
    {
        var stats = DisposeScopeManager.Statistics;
        stats.Reset();
        using (NewDisposeScope())
        {
            var x = ones(2) + 1;
        }
        Assert.Equal(2, stats.CreatedInScopeCount); // ones(2) and the sum
        Assert.Equal(2, stats.DisposedInScopeCount);
        Assert.Equal(0, stats.ThreadTotalLiveCount);
    }

    [Fact]
    public void UndisposedTensorsOutsideScopesAreCollectedAndFinalized()
    {
        static WeakReference[] MakeGarbage() =>
            Enumerable.Range(0, 50).Select(_ => new WeakReference(ones(10))).ToArray();
        var refs = MakeGarbage();
        for (int k = 0; k < 5 && refs.Any(r => r.IsAlive); k++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.All(refs, r => Assert.False(r.IsAlive));
        using var stillWorks = ones(3).sum();
        Assert.Equal(3f, stillWorks.item<float>());
    }
}
