using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// Linear regression ŷ = X w trained by gradient descent with the gradient derived by hand.
/// A bias is a column of ones in X (see <see cref="WithBiasColumn"/>), so w holds it as its last entry.
/// Loss (mean squared error):  L(w) = (1/n) ||X w - y||²
/// Gradient:                   ∇L(w) = (2/n) Xᵀ (X w - y)
/// Update:                     w ← w - α ∇L(w)
/// The minimum has a closed form too (least squares), which <see cref="ClosedForm"/> computes.
/// </summary>
public sealed class LinearRegression : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;

    /// <summary>A model over <paramref name="features"/> columns of X, starting from w = 0.</summary>
    public LinearRegression(int features, ScalarType dtype = ScalarType.Float32, Device? device = null) : base(nameof(LinearRegression))
    {
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), features, "features must be at least 1.");
        // requires_grad so that autograd can compute the same gradient for comparison.
        weight = nn.Parameter(zeros(features, dtype: dtype, device: device));
        RegisterComponents();
    }

    /// <summary>w [d].</summary>
    public Tensor Weight => weight;

    /// <summary>ŷ = X w for X [n, d]: [n].</summary>
    public override Tensor forward(Tensor x)
    {
        CheckX(x);
        return x.mv(weight);
    }

    /// <summary>L(w) = (1/n) Σ (ŷ - y)², as a scalar tensor that autograd can differentiate.</summary>
    public Tensor Loss(Tensor x, Tensor y)
    {
        CheckXy(x, y);
        return nn.functional.mse_loss(forward(x), y);
    }

    /// <summary>The hand-derived gradient (2/n) Xᵀ (X w - y) [d], computed without autograd.</summary>
    public Tensor Gradient(Tensor x, Tensor y)
    {
        CheckXy(x, y);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        long n = x.shape[0];
        var residual = x.mv(weight).sub(y);                       // X w - y
        return scope.MoveToOuter(x.t().mv(residual).mul(2.0 / n)); // (2/n) Xᵀ (X w - y)
    }

    /// <summary>The gradient autograd finds for <see cref="Loss"/> at the current w [d] (a copy; w.grad is cleared again).</summary>
    public Tensor AutogradGradient(Tensor x, Tensor y)
    {
        weight.grad?.zero_();
        using (var scope = NewDisposeScope()) Loss(x, y).backward();
        var grad = weight.grad!.detach().clone();
        weight.grad!.zero_();
        return grad;
    }

    /// <summary>One gradient-descent step w ← w - α ∇L(w) on the given examples (all of them, or a mini-batch); returns the loss before the step.</summary>
    public double Step(Tensor x, Tensor y, double learningRate)
    {
        if (!(learningRate > 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate must be positive.");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        double loss = Loss(x, y).to(ScalarType.Float64).item<double>();
        weight.sub_(Gradient(x, y).mul(learningRate));
        return loss;
    }

    /// <summary>Full-batch gradient descent: <paramref name="steps"/> steps on all examples; returns the loss before each step and after the last ([steps + 1]).</summary>
    public IReadOnlyList<double> FitFullBatch(Tensor x, Tensor y, double learningRate, int steps)
    {
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps cannot be negative.");
        var losses = new List<double>(steps + 1);
        for (int step = 0; step < steps; step++) losses.Add(Step(x, y, learningRate));
        losses.Add(MeanSquaredError(x, y));
        return losses;
    }

    /// <summary>
    /// Mini-batch stochastic gradient descent: each epoch shuffles the examples with <paramref name="generator"/>,
    /// cuts them into batches of <paramref name="batchSize"/> (the last may be smaller) and takes one step per batch.
    /// Returns the mini-batch loss of every step and the full-data loss after every epoch.
    /// </summary>
    public (IReadOnlyList<double> StepLosses, IReadOnlyList<double> EpochLosses) FitMiniBatch(Tensor x, Tensor y, double learningRate,
        int batchSize, int epochs, Generator? generator = null)
    {
        CheckXy(x, y);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        if (epochs < 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs cannot be negative.");
        long n = x.shape[0];
        var stepLosses = new List<double>();
        var epochLosses = new List<double>(epochs);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using (var scope = NewDisposeScope())
            {
                var order = randperm(n, generator: generator).to(x.device);   // drawn on the CPU: a course Generator is a CPU generator
                for (long start = 0; start < n; start += batchSize)
                {
                    var batch = order.narrow(0, start, Math.Min(batchSize, n - start));
                    stepLosses.Add(Step(x.index_select(0, batch), y.index_select(0, batch), learningRate));
                }
            }
            epochLosses.Add(MeanSquaredError(x, y));
        }
        return (stepLosses, epochLosses);
    }

    /// <summary>The current loss on (X, y) as a number.</summary>
    public double MeanSquaredError(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Loss(x, y).to(ScalarType.Float64).item<double>();
    }

    /// <summary>The least-squares minimiser w* = argmin ||X w - y||² [d], from <c>torch.linalg.lstsq</c>.</summary>
    public static Tensor ClosedForm(Tensor x, Tensor y)
    {
        CheckShapes(x, y, features: null);
        using var scope = NewDisposeScope();
        var (solution, _, _, _) = linalg.lstsq(x, y.unsqueeze(1));
        return scope.MoveToOuter(solution.squeeze(1));
    }

    /// <summary>X [n, d] with a column of ones appended, [n, d + 1], so that the last weight is the bias.</summary>
    public static Tensor WithBiasColumn(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim != 2) throw new ArgumentException($"x must be an [n, d] matrix; got shape {ShapeText.Of(x)}.", nameof(x));
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(cat([x, ones(x.shape[0], 1, dtype: x.dtype, device: x.device)], 1));
    }

    void CheckX(Tensor x)
    {
        CheckShapes(x, null, weight.shape[0]);
        CheckDtype(x, nameof(x));
    }

    void CheckXy(Tensor x, Tensor y)
    {
        CheckShapes(x, y, weight.shape[0]);
        CheckDtype(x, nameof(x));
        CheckDtype(y, nameof(y));
    }

    void CheckDtype(Tensor t, string name)
    {
        if (t.dtype != weight.dtype)
            throw new ArgumentException($"{name} is {t.dtype} but the model's weights are {weight.dtype}; convert with {name}.to({weight.dtype}) or build the model with that dtype.", name);
    }

    static void CheckShapes(Tensor x, Tensor? y, long? features)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim != 2 || (features is not null && x.shape[1] != features))
            throw new ArgumentException($"x must be [n, {(features is null ? "d" : features.ToString())}] (one example per row); got shape {ShapeText.Of(x)}.", nameof(x));
        if (y is not null && (y.ndim != 1 || y.shape[0] != x.shape[0]))
            throw new ArgumentException($"y needs one target per row of x: expected shape [{x.shape[0]}], got {ShapeText.Of(y)} (x is {ShapeText.Of(x)}).", nameof(y));
    }
}
