using GenAI.Text;
using System.Runtime.InteropServices;
using GenAI.Models;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Course;

/// <summary>
/// The shape mistakes learners make in their own cells come back as a .NET exception that
/// carries libtorch's own words (the sizes, the shapes), as PyTorch would print them, and the
/// notebook goes on: the next cell still runs. (Not <c>matmul</c>: with mismatched shapes
/// TorchSharp 0.107's native entry point aborts the whole process on Linux.)
/// </summary>
public class ShapeErrorTests
{
    /// <summary>Runs <paramref name="mistake"/>, expects libtorch's error, and checks that torch still works afterwards.</summary>
    static ExternalException LibtorchError(Func<object> mistake)
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ExternalException>(mistake);
        using var ok = ones(2, 3).mm(ones(3, 4));
        Assert.Equal(new long[] { 2, 4 }, ok.shape);
        Assert.Equal(3f, ok[1, 2].item<float>());
        return e;
    }

    [Fact]
    public void Mm_of_two_2x3_matrices_names_both_shapes()
    {
        var e = LibtorchError(() => mm(ones(2, 3), ones(2, 3)));
        Assert.StartsWith("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", e.Message);
    }

    [Fact]
    public void Linear_with_the_wrong_number_of_input_features_names_the_input_and_the_weight()
    {
        using var linear = nn.Linear(3, 4);
        using var x = ones(2, 5);
        var e = LibtorchError(() => linear.call(x));
        // The input [2, 5] against the weight transposed [3, 4].
        Assert.StartsWith("mat1 and mat2 shapes cannot be multiplied (2x5 and 3x4)", e.Message);
    }

    [Fact]
    public void View_to_an_impossible_shape_names_the_shape_and_the_size()
    {
        using var x = ones(2, 3);
        Assert.StartsWith("shape '[4, 2]' is invalid for input of size 6", LibtorchError(() => x.view(4, 2)).Message);
        Assert.StartsWith("shape '[4, -1]' is invalid for input of size 6", LibtorchError(() => x.reshape(4, -1)).Message);
    }

    [Fact]
    public void Cat_of_mismatched_shapes_names_the_sizes_and_the_tensor()
    {
        using var a = ones(2, 3);
        using var b = ones(2, 4);
        var e = LibtorchError(() => cat([a, b], 0));
        Assert.StartsWith("Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 for tensor number 1 in the list.", e.Message);
    }

    [Fact]
    public void Cross_entropy_with_a_wrong_target_shape_says_what_it_expected()
    {
        using var logits = randn(4, 5);
        using var twoTargetsEach = zeros(new long[] { 4, 2 }, ScalarType.Int64);
        using var tooFew = zeros(new long[] { 3 }, ScalarType.Int64);
        Assert.StartsWith("0D or 1D target tensor expected, multi-target not supported",
            LibtorchError(() => nn.functional.cross_entropy(logits, twoTargetsEach)).Message);
        Assert.StartsWith("Expected input batch_size (4) to match target batch_size (3).",
            LibtorchError(() => nn.functional.cross_entropy(logits, tooFew)).Message);
    }

    [Fact]
    public void Broadcasting_mismatched_sizes_names_both_sizes_and_the_dimension()
    {
        using var a = ones(3);
        using var b = ones(4);
        var e = LibtorchError(() => a + b);
        Assert.StartsWith("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0", e.Message);
    }

    [Fact]
    public void A_shape_error_inside_a_Trainer_run_reaches_the_learner_and_leaves_no_tensor_behind()
    {
        // A learner's loss that feeds [N, 1] contexts to a layer built for 2 features.
        using var examples = NextTokenExamples.Build([[1, 2, 3]], contextLength: 1, boundaryToken: 0);
        using var layer = nn.Linear(2, 4);
        using var optimizer = optim.SGD(layer.parameters(), 0.1);
        var trainer = new Trainer(layer, optimizer, new TrainingOptions(Steps: 3, Quiet: true));
        long liveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        var e = Assert.Throws<ExternalException>(() =>
            trainer.Run(() => nn.functional.cross_entropy(layer.call(examples.Contexts.to(ScalarType.Float32)), examples.Targets)));

        Assert.StartsWith("mat1 and mat2 shapes cannot be multiplied (4x1 and 2x4)", e.Message);
        Assert.Equal(0, trainer.Step);
        // The step's dispose scope freed what the failed step had made.
        Assert.Equal(liveBefore, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
