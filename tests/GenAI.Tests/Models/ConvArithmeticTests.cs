using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class ConvArithmeticTests
{
    [Theory]
    // out = floor((n + 2p - k) / s) + 1, worked by hand
    [InlineData(28, 3, 1, 0, 26)]   // valid: shrinks by k - 1
    [InlineData(28, 3, 1, 1, 28)]   // same
    [InlineData(28, 3, 1, 2, 30)]   // full: grows by k - 1
    [InlineData(28, 2, 2, 0, 14)]   // 2x2 pooling window, stride 2
    [InlineData(7, 3, 2, 0, 3)]     // floor(4 / 2) + 1
    [InlineData(8, 3, 2, 1, 4)]     // floor(7 / 2) + 1
    [InlineData(5, 5, 1, 0, 1)]     // the kernel covers the whole input
    public void OutputSizeFollowsTheFormula(long n, long k, long s, long p, long expected) =>
        Assert.Equal(expected, ConvArithmetic.OutputSize(n, k, s, p));

    [Fact]
    public void OutputSizeMatchesConv2dOverAGrid()
    {
        int checkedCases = 0;
        foreach (long n in new long[] { 1, 4, 5, 7, 8, 13, 28 })
            foreach (long k in new long[] { 1, 2, 3, 4, 5, 7 })
                foreach (long s in new long[] { 1, 2, 3 })
                    foreach (long p in new long[] { 0, 1, 2, 3 })
                    {
                        // The kernel must fit the padded input (the error case has its own test).
                        if (n + 2 * p < k) continue;
                        using var scope = NewDisposeScope();
                        var conv = nn.Conv2d(1, 1, k, stride: s, padding: p);
                        var y = conv.call(zeros(1, 1, n, n));
                        long formula = ConvArithmetic.OutputSize(n, k, s, p);
                        Assert.True(y.shape[2] == formula && y.shape[3] == formula,
                            $"n={n} k={k} s={s} p={p}: Conv2d gave {y.shape[2]}x{y.shape[3]}, the formula {formula}");
                        checkedCases++;
                    }
        Assert.True(checkedCases > 200, $"only {checkedCases} cases checked");
    }

    [Fact]
    public void PaddingConventionsMatchConv2dWithStrideOne()
    {
        foreach (long k in new long[] { 1, 3, 5, 7 })
            foreach (var mode in new[] { ConvPadding.Valid, ConvPadding.Same, ConvPadding.Full })
            {
                using var scope = NewDisposeScope();
                long p = ConvArithmetic.Padding(mode, k);
                var y = nn.Conv2d(1, 1, k, padding: p).call(zeros(1, 1, 12, 12));
                long expected = mode switch { ConvPadding.Valid => 12 - (k - 1), ConvPadding.Same => 12, _ => 12 + (k - 1) };
                Assert.Equal(expected, y.shape[2]);
                Assert.Equal(expected, ConvArithmetic.OutputSize(12, k, 1, mode));
            }
    }

    [Fact]
    public void SamePaddingWithStrideGivesTheCeilingOfNOverS()
    {
        foreach (long n in new long[] { 7, 8, 28 })
            foreach (long s in new long[] { 2, 3 })
                Assert.Equal((n + s - 1) / s, ConvArithmetic.OutputSize(n, 3, s, ConvPadding.Same));
    }

    [Fact]
    public void SamePaddingWithAnEvenKernelIsAClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => ConvArithmetic.Padding(ConvPadding.Same, 4));
        Assert.Equal("k", e.ParamName);
        Assert.Contains("k = 4", e.Message);
    }

    [Theory]
    // out = (n - 1) s - 2p + k + output_padding, worked by hand
    [InlineData(7, 4, 2, 1, 0, 14)]    // stride 2 doubles: 12 - 2 + 4
    [InlineData(7, 3, 2, 1, 1, 14)]    // 12 - 2 + 3 + 1
    [InlineData(7, 3, 2, 1, 0, 13)]    // without output padding one short
    [InlineData(14, 3, 1, 1, 0, 14)]   // stride 1, 'same'
    [InlineData(1, 7, 1, 0, 0, 7)]     // a single pixel spreads into a 7x7 kernel
    public void TransposedOutputSizeFollowsTheFormula(long n, long k, long s, long p, long op, long expected) =>
        Assert.Equal(expected, ConvArithmetic.TransposedOutputSize(n, k, s, p, op));

    [Fact]
    public void TransposedOutputSizeMatchesConvTranspose2dOverAGrid()
    {
        int checkedCases = 0;
        foreach (long n in new long[] { 1, 3, 4, 7, 14 })
            foreach (long k in new long[] { 1, 2, 3, 4, 5 })
                foreach (long s in new long[] { 1, 2, 3 })
                    foreach (long p in new long[] { 0, 1, 2 })
                        for (long op = 0; op < s; op++)
                        {
                            long formula = (n - 1) * s - 2 * p + k + op;
                            if (formula < 1) continue;
                            using var scope = NewDisposeScope();
                            var deconv = nn.ConvTranspose2d(1, 1, k, stride: s, padding: p, output_padding: op);
                            var y = deconv.call(zeros(1, 1, n, n));
                            Assert.True(y.shape[2] == ConvArithmetic.TransposedOutputSize(n, k, s, p, op),
                                $"n={n} k={k} s={s} p={p} op={op}: ConvTranspose2d gave {y.shape[2]}, the formula {ConvArithmetic.TransposedOutputSize(n, k, s, p, op)}");
                            checkedCases++;
                        }
        Assert.True(checkedCases > 200, $"only {checkedCases} cases checked");
    }

    [Fact]
    public void TransposedConvolutionUndoesTheSizeOfAStridedConvolution()
    {
        // conv k=3 s=2 p=1 takes 28 -> 14; the transposed one with output_padding 1 takes 14 -> 28.
        long down = ConvArithmetic.OutputSize(28, 3, 2, 1);
        Assert.Equal(14, down);
        Assert.Equal(28, ConvArithmetic.TransposedOutputSize(down, 3, 2, 1, 1));
    }

    [Fact]
    public void KernelLargerThanThePaddedInputIsAClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => ConvArithmetic.OutputSize(3, 7, 1, 1));
        Assert.Equal("k", e.ParamName);
        Assert.Contains("n = 3", e.Message);
        Assert.Contains("k = 7", e.Message);
    }

    [Theory]
    [InlineData(0, 3, 1, 0, "n")]
    [InlineData(5, 0, 1, 0, "k")]
    [InlineData(5, 3, 0, 0, "s")]
    [InlineData(5, 3, 1, -1, "p")]
    public void NonPositiveSizesAreClearErrors(long n, long k, long s, long p, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ConvArithmetic.OutputSize(n, k, s, p));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void OutputPaddingAtLeastTheStrideIsAClearError()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ConvArithmetic.TransposedOutputSize(7, 3, 2, 1, 2));
        Assert.Equal("outputPadding", e.ParamName);
        Assert.Contains("stride s = 2", e.Message);
    }

    [Fact]
    public void PaddingThatEatsTheWholeTransposedOutputIsAClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => ConvArithmetic.TransposedOutputSize(1, 1, 1, 1));
        Assert.Equal("p", e.ParamName);
    }

    [Fact]
    public void ParameterCountsMatchTheLayers()
    {
        foreach (var (inF, outF) in new[] { (784L, 32L), (3L, 5L), (1L, 1L) })
        {
            using var linear = nn.Linear(inF, outF);
            Assert.Equal(linear.parameters().Sum(p => p.numel()), ConvArithmetic.LinearParameters(inF, outF));
            using var noBias = nn.Linear(inF, outF, hasBias: false);
            Assert.Equal(noBias.parameters().Sum(p => p.numel()), ConvArithmetic.LinearParameters(inF, outF, bias: false));
        }
        foreach (var (inC, outC, k) in new[] { (1L, 32L, 3L), (3L, 16L, 5L), (16L, 32L, 1L) })
        {
            using var conv = nn.Conv2d(inC, outC, k);
            Assert.Equal(conv.parameters().Sum(p => p.numel()), ConvArithmetic.Conv2dParameters(inC, outC, k));
            using var noBias = nn.Conv2d(inC, outC, k, bias: false);
            Assert.Equal(noBias.parameters().Sum(p => p.numel()), ConvArithmetic.Conv2dParameters(inC, outC, k, bias: false));
        }
    }

    [Fact]
    public void AConvolutionNeedsFarFewerParametersThanAFullyConnectedLayerOnAnImage()
    {
        // 28x28 grey image to 32 feature maps of 28x28: fully connected 784 * (32 * 784) + 32 * 784,
        // a 3x3 convolution 32 * 1 * 9 + 32 = 320, whatever the image size.
        Assert.Equal(784L * 25_088 + 25_088, ConvArithmetic.LinearParameters(784, 32 * 784));
        Assert.Equal(320, ConvArithmetic.Conv2dParameters(1, 32, 3));
    }

    [Fact]
    public void CnnClassifierParameterCountFormulaMatchesTheModule()
    {
        var config = new CnnClassifierConfig();
        using var model = new CnnClassifier(config);
        // conv1 16*1*9 + 16 = 160, its batch norm 2*16; conv2 32*16*9 + 32 = 4640, its batch norm 2*32;
        // fc 32*7*7*64 + 64 = 100 416; out 64*10 + 10 = 650
        Assert.Equal(7, config.PooledSize);
        Assert.Equal(160 + 32 + 4_640 + 64 + 100_416 + 650, config.ParameterCount);
        Assert.Equal(config.ParameterCount, model.parameters().Sum(p => p.numel()));
    }
}
