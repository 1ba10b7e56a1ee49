using System.Diagnostics;
using GenAI.Data;
using GenAI.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>How the judge is trained: epochs over the Fashion-MNIST training images (the first <paramref name="Limit"/> of them when given).</summary>
public sealed record FashionMnistJudgeOptions(int Epochs = 2, int? Limit = null, int BatchSize = 128, double MaxLearningRate = 4e-3, long Seed = 0)
{
    /// <summary>The full judge: 2 epochs over the first 30 000 training images (about 89-90 % test accuracy, 1-2 minutes on 2 cores).</summary>
    public static FashionMnistJudgeOptions Full { get; } = new(Epochs: 2, Limit: 30000);

    /// <summary>A quick judge for CI: 1 epoch over 4 000 images (about 80 % test accuracy, a few seconds).</summary>
    public static FashionMnistJudgeOptions Quick { get; } = new(Epochs: 1, Limit: 4000);

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"Epochs must be at least 1; got {Epochs}.", nameof(Epochs));
        if (Limit is < 100) throw new ArgumentException($"Limit must be at least 100 images (or null for all); got {Limit}.", nameof(Limit));
        if (BatchSize < 1) throw new ArgumentException($"BatchSize must be at least 1; got {BatchSize}.", nameof(BatchSize));
        if (!(MaxLearningRate > 0)) throw new ArgumentException($"MaxLearningRate must be positive; got {MaxLearningRate}.", nameof(MaxLearningRate));
    }
}

/// <summary>
/// The course's Fashion-MNIST classifier used to judge generated images (notebooks 18-20): notebook 14's
/// <see cref="CnnClassifier"/> with its default sizes. Its penultimate layer (64 ReLU units) gives the features for
/// FID, in the role Inception-v3's pool layer plays for ImageNet-scale FID; its predictions give the class histogram
/// of samples (coverage, mode collapse) and the per-class accuracy of conditional samples.
/// Images go in as [N, 1, H, W] in [0, 1], the range Fashion-MNIST loads in (map a tanh output with (x + 1) / 2);
/// other square sizes than 28 are resized bilinearly to 28 first.
/// </summary>
public sealed class FashionMnistJudge : IDisposable
{
    FashionMnistJudge(CnnClassifier network, double testAccuracy, Device device)
    {
        Network = network;
        TestAccuracy = testAccuracy;
        Device = device;
    }

    public CnnClassifier Network { get; }

    /// <summary>Accuracy on the 10 000 Fashion-MNIST test images (on the first Limit of them for a quick judge).</summary>
    public double TestAccuracy { get; }

    public Device Device { get; }

    /// <summary>Length of the feature vectors FID is computed on.</summary>
    public int FeatureDim => Network.Config.HiddenDim;

    /// <summary>
    /// The judge for a notebook: the full one, or the quick one when <paramref name="quick"/>. Trained here, printing
    /// its accuracy and time (to be loaded from the course's checkpoint store once that is on main: this is the one line
    /// to change). With <paramref name="cacheDirectory"/>, the weights are saved there and loaded on the next call.
    /// </summary>
    public static FashionMnistJudge LoadOrTrain(Device device, bool quick = false, long seed = 0, string? cacheDirectory = null)
    {
        var options = (quick ? FashionMnistJudgeOptions.Quick : FashionMnistJudgeOptions.Full) with { Seed = seed };
        return LoadOrTrain(device, options, cacheDirectory);
    }

    public static FashionMnistJudge LoadOrTrain(Device device, FashionMnistJudgeOptions options, string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var watch = Stopwatch.StartNew();
        string? file = cacheDirectory is null ? null
            : Path.Combine(cacheDirectory, $"fashion-judge-e{options.Epochs}-l{options.Limit?.ToString() ?? "all"}-b{options.BatchSize}-lr{options.MaxLearningRate}-s{options.Seed}.bin");
        manual_seed(options.Seed);   // the same initial weights for the same seed, whatever ran before (reseeds the global generator)
        var network = new CnnClassifier(new CnnClassifierConfig(), device);
        bool loaded = file is not null && File.Exists(file);
        if (loaded) network.load(file!);
        else Train(network, options, device);
        network.eval();
        using var test = FashionMnist.LoadTest(options.Limit, device);
        var judge = new FashionMnistJudge(network, 0, device);
        double accuracy;
        using (var predicted = judge.Classify(test.Features)) accuracy = ClassificationMetrics.Accuracy(predicted, test.Labels);
        judge = new FashionMnistJudge(network, accuracy, device);
        if (file is not null && !loaded)
        {
            Directory.CreateDirectory(cacheDirectory!);
            network.save(file);
        }
        Console.WriteLine($"judge: {(loaded ? "loaded from " + file : "trained")} ({options.Epochs} epochs on {options.Limit?.ToString("N0") ?? "60,000"} images), " +
                          $"test accuracy {accuracy:P1}, {watch.Elapsed.TotalSeconds:F0} s");
        return judge;
    }

    /// <summary>
    /// The judge through the course's <see cref="GenAI.Training.CheckpointStore"/>: loaded when the store holds a judge
    /// trained with these options on the same images by the same code, else trained as <see cref="LoadOrTrain(Device, FashionMnistJudgeOptions, string?)"/>
    /// trains it and saved, so that notebooks 18-20 and their reruns train it once. Prints what it did and the test accuracy.
    /// </summary>
    public static FashionMnistJudge FromStore(Device device, bool quick = false, long seed = 0, GenAI.Training.CheckpointStore? store = null)
    {
        var options = (quick ? FashionMnistJudgeOptions.Quick : FashionMnistJudgeOptions.Full) with { Seed = seed };
        return FromStore(device, options, store);
    }

    public static FashionMnistJudge FromStore(Device device, FashionMnistJudgeOptions options, GenAI.Training.CheckpointStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        GenAI.Training.DataFingerprint data;
        using (var train = FashionMnist.LoadTrain(options.Limit))
            data = GenAI.Training.DataFingerprint.Of($"fashion-mnist train, first {train.Count}", train.Features, train.Labels);
        var key = GenAI.Training.CheckpointKey.Create("fashion-mnist-judge", options, options.Seed, data, typeof(CnnClassifier), typeof(FashionMnistJudge));
        var trained = (store ?? new GenAI.Training.CheckpointStore()).LoadOrTrain(key,
            () => { manual_seed(options.Seed); return new CnnClassifier(new CnnClassifierConfig(), device); },
            network => { Train(network, options, device); return options.Epochs; });
        var network = trained.Model;
        network.eval();
        using var test = FashionMnist.LoadTest(options.Limit, device);
        var judge = new FashionMnistJudge(network, 0, device);
        double accuracy;
        using (var predicted = judge.Classify(test.Features)) accuracy = ClassificationMetrics.Accuracy(predicted, test.Labels);
        Console.WriteLine($"judge ({options.Epochs} epochs on {options.Limit?.ToString("N0") ?? "60,000"} images): test accuracy {accuracy:P1}");
        return new FashionMnistJudge(network, accuracy, device);
    }

    static void Train(CnnClassifier network, FashionMnistJudgeOptions options, Device device)
    {
        using var train = FashionMnist.LoadTrain(options.Limit, device);
        using var generator = new Generator((ulong)options.Seed);
        long n = train.Count;
        int stepsPerEpoch = (int)((n + options.BatchSize - 1) / options.BatchSize);
        var adam = optim.Adam(network.parameters(), lr: options.MaxLearningRate / 25);
        var schedule = optim.lr_scheduler.OneCycleLR(adam, options.MaxLearningRate, options.Epochs * stepsPerEpoch);
        network.train();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            using var epochScope = NewDisposeScope();
            var order = randperm(n, generator: generator).to(device);
            for (long start = 0; start < n; start += options.BatchSize)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(options.BatchSize, n - start));
                adam.zero_grad();
                var loss = nn.functional.cross_entropy(network.call(train.Features.index_select(0, index)), train.Labels.index_select(0, index));
                loss.backward();
                adam.step();
                schedule.step();
            }
        }
        network.eval();
    }

    /// <summary>Penultimate-layer features [N, FeatureDim] (float32) of images [N, 1, H, W] in [0, 1], in eval mode without gradients.</summary>
    public Tensor Features(Tensor images, int batchSize = 1000) => Batched(images, batchSize, Network.Embedding);

    /// <summary>Predicted classes int64 [N] of images [N, 1, H, W] in [0, 1].</summary>
    public Tensor Classify(Tensor images, int batchSize = 1000) => Batched(images, batchSize, x => Network.call(x).argmax(1));

    /// <summary>Class histogram of the judge's labels for a generator's samples (see <see cref="GeneratorEvaluation.Histogram"/>).</summary>
    public ClassHistogram Histogram(Tensor images, double coveredShare = 0.02)
    {
        using var predicted = Classify(images);
        return GeneratorEvaluation.Histogram(predicted, Network.Config.Classes, coveredShare);
    }

    /// <summary>FID between two image sets, on the judge's features.</summary>
    public double Fid(Tensor images1, Tensor images2)
    {
        using var a = Features(images1);
        using var b = Features(images2);
        return Metrics.Fid.Compute(a, b);
    }

    /// <summary>
    /// A generator's FID with its floor and ceiling at the same sample count N = samples.shape[0]: samples against N test
    /// images, N training images against the same N test images (floor), and N images of uniform noise against them
    /// (ceiling). The N images of each real set are drawn at random with <paramref name="seed"/>.
    /// </summary>
    public FidReport FidWithBounds(Tensor samples, Tensor trainImages, Tensor testImages, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(samples);
        CheckImages(samples, nameof(samples));
        long n = samples.shape[0];
        if (trainImages.shape[0] < n || testImages.shape[0] < n)
            throw new ArgumentException(
                $"The floor needs at least as many real images as samples ({n}); got {trainImages.shape[0]} training and {testImages.shape[0]} test images.");
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var trainPick = trainImages.index_select(0, randperm(trainImages.shape[0], generator: generator).narrow(0, 0, n).to(trainImages.device));
        var testPick = testImages.index_select(0, randperm(testImages.shape[0], generator: generator).narrow(0, 0, n).to(testImages.device));
        var noise = rand(testPick.shape, generator: generator).to(testPick.device);
        using var reference = Metrics.Fid.Statistics(Features(testPick));
        double Against(Tensor images)
        {
            using var s = Metrics.Fid.Statistics(Features(images));
            return Metrics.Fid.FromStatistics(s, reference);
        }
        return new FidReport(Against(samples), Against(trainPick), Against(noise), n);
    }

    Tensor Batched(Tensor images, int batchSize, Func<Tensor, Tensor> f)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        CheckImages(images, nameof(images));
        bool wasTraining = Network.training;
        Network.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var parts = new List<Tensor>();
            for (long start = 0; start < images.shape[0]; start += batchSize)
            {
                var x = images.narrow(0, start, Math.Min(batchSize, images.shape[0] - start)).to(ScalarType.Float32).to(Device);
                if (x.shape[2] != FashionMnist.ImageSize)
                    x = nn.functional.interpolate(x, [FashionMnist.ImageSize, FashionMnist.ImageSize], mode: InterpolationMode.Bilinear, align_corners: false);
                parts.Add(f(x.clamp(0, 1)));
            }
            return scope.MoveToOuter(cat(parts, 0));
        }
        finally
        {
            Network.train(wasTraining);
        }
    }

    static void CheckImages(Tensor images, string name)
    {
        if (images.ndim != 4 || images.shape[1] != 1 || images.shape[2] != images.shape[3] || images.shape[0] < 1)
            throw new ArgumentException($"Expected grey square images [N, 1, H, W]; got {ShapeText.Of(images)}.", name);
        using var scope = NewDisposeScope();
        double min = images.min().item<float>(), max = images.max().item<float>();
        if (min < -0.05 || max > 1.05)
            throw new ArgumentException(
                $"Images must have pixels in [0, 1] as Fashion-MNIST loads them; got values from {min:G3} to {max:G3} (map a tanh output in [-1, 1] with (x + 1) / 2).", name);
    }

    public void Dispose() => Network.Dispose();
}
