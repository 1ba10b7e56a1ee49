// Usage: GenAI.CheckpointProbe <train-seconds>
// Asks the default checkpoint store for a seeded Linear(4, 3) trained for a few SGD steps; the
// training also sleeps <train-seconds>, so two copies started together overlap. Prints the store's
// line and the parameters' sum.
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

double sleep = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
var config = new ProbeConfig(4, 3);
var key = CheckpointKey.Create("probe-linear", config, 7, new DataFingerprint("none", 0, "0"));
var store = new CheckpointStore();
var trained = store.LoadOrTrain(key,
    () => { manual_seed(7); return nn.Linear(config.In, config.Out); },
    model =>
    {
        using var sgd = optim.SGD(model.parameters(), 0.1);
        var x = ones(8, config.In);
        for (int i = 0; i < 5; i++)
        {
            using var scope = NewDisposeScope();
            sgd.zero_grad();
            model.call(x).square().mean().backward();
            sgd.step();
        }
        Thread.Sleep(TimeSpan.FromSeconds(sleep));
        return new[] { 1.0, 0.5 };
    });
Console.WriteLine($"loaded={trained.Loaded} sum={trained.Model.parameters().Sum(p => p.sum().item<float>()):R} summary={string.Join(",", trained.Summary)}");

record ProbeConfig(int In, int Out);
