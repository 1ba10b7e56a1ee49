using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Memory;

[Collection(MemoryCollection.Name)]
public class TrainingLoopMemoryTests(ITestOutputHelper output)
{
    const int WarmupSteps = 500;
    const int Steps = 10_000;
    const long AllowedGrowth = 50L * 1024 * 1024;

    [Fact]
    public void Ten_thousand_training_steps_in_dispose_scopes_keep_memory_flat()
    {
        torch.set_num_threads(1);
        torch.manual_seed(1);
        // A tiny classifier: 4 classes told apart by which of the first 4 inputs is largest,
        // so the loss must fall if the steps really train.
        using var model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        using var x = torch.randn(64, 16);
        using var y = x[.., ..4].argmax(1);

        float Step()
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(x), y);
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }

        var firstLoss = Step();
        for (var i = 1; i < WarmupSteps; i++) Step();
        ProcessMemory.CollectGarbage();
        var liveTensors = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var rssAfterWarmup = ProcessMemory.ResidentBytes();
        var mallocAfterWarmup = ProcessMemory.MallocInUseBytes();

        var lastLoss = 0f;
        for (var i = 0; i < Steps; i++) lastLoss = Step();
        ProcessMemory.CollectGarbage();
        var rssGrowth = ProcessMemory.ResidentBytes() - rssAfterWarmup;
        var mallocGrowth = ProcessMemory.MallocInUseBytes() - mallocAfterWarmup;

        output.WriteLine($"loss {firstLoss} -> {lastLoss}; over {Steps} steps RSS grew {ProcessMemory.Megabytes(rssGrowth)}, malloc-ed memory {ProcessMemory.Megabytes(mallocGrowth)}");
        Assert.True(lastLoss < firstLoss / 4, $"the loss should fall well below {firstLoss} (it ended at {lastLoss})");
        // Every tensor a step made was disposed by its scope.
        Assert.Equal(liveTensors, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.True(rssGrowth < AllowedGrowth,
            $"RSS grew by {ProcessMemory.Megabytes(rssGrowth)} over {Steps} steps (allowed: {ProcessMemory.Megabytes(AllowedGrowth)})");
        Assert.True(mallocGrowth < AllowedGrowth,
            $"malloc-ed memory grew by {ProcessMemory.Megabytes(mallocGrowth)} over {Steps} steps");
    }
}
