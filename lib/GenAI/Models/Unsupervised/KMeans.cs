using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// k-means clustering (Lloyd's algorithm): k centres, each point belongs to its nearest centre,
/// each centre moves to the mean of its points, repeat until no point changes cluster.
/// The objective it lowers at every step is the inertia, the sum of squared distances of the
/// points to their centres: J = Σ_n ||x_n - c_{a(n)}||².
/// </summary>
public sealed class KMeans : IDisposable
{
    KMeans(Tensor centres, Tensor labels, double inertia, int iterations, bool converged)
    {
        Centres = centres;
        Labels = labels;
        Inertia = inertia;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>The k centres [k, d], in the dtype of the data.</summary>
    public Tensor Centres { get; }

    /// <summary>Cluster of each training point, int64 [n], values 0..k-1.</summary>
    public Tensor Labels { get; }

    /// <summary>Σ_n ||x_n - c_{a(n)}||² of the training points at the returned centres.</summary>
    public double Inertia { get; }

    /// <summary>Lloyd iterations (assign + update) that were run.</summary>
    public int Iterations { get; }

    /// <summary>True when an assignment step changed no label before <c>maxIterations</c> ran out.</summary>
    public bool Converged { get; }

    public int K => (int)Centres.shape[0];

    /// <summary>
    /// Cluster the rows of <paramref name="x"/> [n, d] into <paramref name="k"/> groups. The start is
    /// <paramref name="initialCentres"/> [k, d] when given, else k-means++ drawn with <paramref name="generator"/>.
    /// </summary>
    public static KMeans Fit(Tensor x, int k, int maxIterations = 300, Tensor? initialCentres = null, Generator? generator = null)
    {
        CheckData(x, nameof(x));
        if (k < 1 || k > x.shape[0])
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the number of points ({x.shape[0]}); x has shape {ShapeText.Of(x)}.");
        if (maxIterations < 1) throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "maxIterations must be at least 1.");
        if (initialCentres is not null && (initialCentres.ndim != 2 || initialCentres.shape[0] != k || initialCentres.shape[1] != x.shape[1]))
            throw new ArgumentException($"initialCentres must have shape [k, d] = [{k}, {x.shape[1]}] for x of shape {ShapeText.Of(x)}; got {ShapeText.Of(initialCentres)}.", nameof(initialCentres));

        using var scope = NewDisposeScope();
        var centres = initialCentres is null ? PlusPlusCentres(x, k, generator) : initialCentres.to(x.dtype, x.device).clone();
        var labels = Assign(x, centres);
        int iterations = 0;
        bool converged = false;
        while (iterations < maxIterations)
        {
            iterations++;
            // Update: c_j = mean of the points assigned to j (a centre that lost all its points stays where it was).
            centres = ClusterMeans(x, labels, centres);
            // Assign: a(n) = argmin_j ||x_n - c_j||².
            var next = Assign(x, centres);
            bool unchanged = next.equal(labels).all().item<bool>();
            labels = next;
            if (unchanged) { converged = true; break; }
        }
        double inertia = InertiaOf(x, centres, labels);
        return new KMeans(scope.MoveToOuter(centres), scope.MoveToOuter(labels), inertia, iterations, converged);
    }

    /// <summary>
    /// k-means++ start: the first centre is a random point, each next one a point drawn with probability
    /// proportional to D(x)², its squared distance to the nearest centre chosen so far.
    /// </summary>
    public static Tensor PlusPlusCentres(Tensor x, int k, Generator? generator = null)
    {
        CheckData(x, nameof(x));
        if (k < 1 || k > x.shape[0])
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the number of points ({x.shape[0]}); x has shape {ShapeText.Of(x)}.");
        using var scope = NewDisposeScope();
        long n = x.shape[0];
        // drawn on the CPU (a course Generator is a CPU generator, which libtorch refuses for a draw on CUDA)
        var chosen = new List<long> { randint(0, n, [1], generator: generator).item<long>() };
        var nearest = SquaredDistances(x, x[chosen[0]].unsqueeze(0)).squeeze(1);
        while (chosen.Count < k)
        {
            // P(pick x_n) = D(x_n)² / Σ D²; chosen points have D = 0 and are never picked again.
            long next = multinomial(nearest.to(ScalarType.Float64).cpu(), 1, generator: generator).item<long>();
            chosen.Add(next);
            nearest = minimum(nearest, SquaredDistances(x, x[next].unsqueeze(0)).squeeze(1));
        }
        return scope.MoveToOuter(x.index_select(0, tensor(chosen.ToArray(), device: x.device)).clone());
    }

    /// <summary>Nearest centre for each row of <paramref name="x"/> [n, d]: int64 [n].</summary>
    public Tensor Predict(Tensor x)
    {
        CheckData(x, nameof(x));
        if (x.shape[1] != Centres.shape[1])
            throw new ArgumentException($"x has {x.shape[1]} features per point but the centres have {Centres.shape[1]}: x {ShapeText.Of(x)}, centres {ShapeText.Of(Centres)}.", nameof(x));
        return Assign(x.to(Centres.dtype), Centres);
    }

    /// <summary>||x_n - c_j||² for every point and centre: [n, k], as ||x||² - 2 x·c + ||c||² (clamped at 0).</summary>
    public static Tensor SquaredDistances(Tensor x, Tensor centres)
    {
        if (x.ndim != 2 || centres.ndim != 2 || x.shape[1] != centres.shape[1])
            throw new ArgumentException($"x [n, d] and centres [k, d] need the same d; got x {ShapeText.Of(x)}, centres {ShapeText.Of(centres)}.");
        using var scope = NewDisposeScope();
        var xx = x.pow(2).sum(1, keepdim: true);
        var cc = centres.pow(2).sum(1).unsqueeze(0);
        return scope.MoveToOuter(xx.sub(x.mm(centres.t()).mul(2)).add(cc).clamp_min(0));
    }

    static Tensor Assign(Tensor x, Tensor centres) => SquaredDistances(x, centres).argmin(1);

    static Tensor ClusterMeans(Tensor x, Tensor labels, Tensor previous)
    {
        long k = previous.shape[0];
        var sums = zeros_like(previous).index_add(0, labels, x, 1);
        var counts = bincount(labels, minlength: k).to(x.dtype).unsqueeze(1);
        var means = sums.div(counts.clamp_min(1));
        return where(counts.gt(0), means, previous);
    }

    static double InertiaOf(Tensor x, Tensor centres, Tensor labels)
    {
        using var scope = NewDisposeScope();
        return x.sub(centres.index_select(0, labels)).pow(2).sum().to(ScalarType.Float64).item<double>();
    }

    static void CheckData(Tensor x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.ndim != 2 || x.shape[0] == 0)
            throw new ArgumentException($"{name} must be a non-empty [n, d] matrix of points, one per row; got shape {ShapeText.Of(x)}.", name);
        if (!x.is_floating_point())
            throw new ArgumentException($"{name} must hold floating-point values; got {x.dtype}.", name);
    }

    public void Dispose()
    {
        Centres.Dispose();
        Labels.Dispose();
    }
}
