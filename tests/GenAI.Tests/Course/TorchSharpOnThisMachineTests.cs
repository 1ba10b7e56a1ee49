using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Course;

/// <summary>
/// The course stands on TorchSharp's packaged libtorch 2.10: it loads here (Debian 12, with
/// Debian's own libtorch 1.13 on the loader path) and really trains.
/// </summary>
public class TorchSharpOnThisMachineTests
{
    [Fact]
    public void The_packaged_libtorch_2_10_is_the_one_loaded()
    {
        using var probe = ones(2).add(1); // makes sure the native libraries are loaded
        Assert.StartsWith("2.10.", torch.__version__);

        // The libtorch_cpu.so this process maps is the one shipped beside TorchSharp.dll,
        // not a system copy (such as Debian's 1.13 in /usr/lib) found first on the loader path.
        var torchSharpFolder = Path.GetDirectoryName(typeof(torch).Assembly.Location)!;
        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && Path.GetFileName(fields[5]).StartsWith("libtorch_cpu.so", StringComparison.Ordinal))
            .Select(fields => fields[5])
            .Distinct()
            .ToList();
        Assert.Equal([Path.Combine(torchSharpFolder, "libtorch_cpu.so")], mapped);
    }

    [Fact]
    public void A_small_regression_fit_drives_the_loss_down_by_a_large_factor()
    {
        using var scope = NewDisposeScope();
        // y = 3 x1 - 2 x2 + 0.5 plus a little noise, drawn from a private generator.
        using var generator = new Generator(2024);
        var x = randn(256, 2, generator: generator);
        var y = x.mm(tensor(new float[] { 3, -2 }, [2, 1])).add(0.5f).add(randn(256, 1, generator: generator).mul(0.01f));
        var model = nn.Linear(2, 1);
        var optimizer = optim.SGD(model.parameters(), 0.1);

        float LossAfterStep()
        {
            using var step = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.call(x), y);
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }

        float first = LossAfterStep(), last = first;
        for (int i = 0; i < 200; i++) last = LossAfterStep();

        Assert.True(last < first / 1000, $"the loss should fall by a factor of 1000 or more: {first} -> {last}");
        // And it found the line: weights near (3, -2), bias near 0.5.
        var w = model.weight!.detach().data<float>().ToArray();
        Assert.Equal(3.0, w[0], 0.02);
        Assert.Equal(-2.0, w[1], 0.02);
        Assert.Equal(0.5, model.bias!.detach().item<float>(), 0.02);
    }
}
