using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class ExerciseTests
{
    static readonly ExerciseCase<Tensor>[] Cases =
    [
        new("the vector [1, 2, 3]", () => tensor(new float[] { 1, 2, 3 })),
        new("the vector [0, 5]", () => tensor(new float[] { 0, 5 })),
    ];

    static ExerciseResult CheckDouble(Func<Tensor, Tensor> learner,
        IReadOnlyList<ExerciseMistake<Tensor, Tensor>>? mistakes = null) =>
        Exercise.Check("double a vector", learner, x => x * 2, (e, a) => Answers.Tensors(e, a), Cases, mistakes);

    [Fact]
    public void A_right_answer_passes_on_every_input()
    {
        var result = CheckDouble(x => x + x);
        Assert.Equal(ExerciseOutcome.Passed, result.Outcome);
        Assert.Equal("✓ double a vector: passed. It agrees with the reference on all 2 inputs.", result.ToString());
    }

    [Fact]
    public void A_stub_that_still_throws_NotImplementedException_is_not_done_yet_and_does_not_throw()
    {
        var result = CheckDouble(_ => throw new NotImplementedException());
        Assert.Equal(ExerciseOutcome.NotDone, result.Outcome);
        Assert.StartsWith("… double a vector: not done yet. Replace the line `throw new NotImplementedException();`", result.ToString());
    }

    [Fact]
    public void A_wrong_value_names_the_input_the_position_and_both_values()
    {
        var result = CheckDouble(x => x * 2 + x.eq(3).to(ScalarType.Float32));
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Equal("✗ double a vector: not yet right. On the vector [1, 2, 3], the value at [2] is 7, expected 6.", result.ToString());
    }

    [Fact]
    public void A_wrong_scalar_such_as_a_loss_names_both_values_without_a_position()
    {
        Assert.Equal("the value is 0.5, expected 0.25", Answers.Tensors(tensor(0.25f), tensor(0.5f)));
        Assert.Null(Answers.Tensors(tensor(0.25f), tensor(0.25f)));
    }

    [Fact]
    public void A_wrong_shape_or_dtype_is_named_before_any_value()
    {
        Assert.Equal("On the vector [1, 2, 3], the shape is [1, 3], expected [3].",
            CheckDouble(x => (x * 2).unsqueeze(0)).Message);
        Assert.Equal("On the vector [1, 2, 3], the dtype is Float64, expected Float32.",
            CheckDouble(x => (x * 2).to(ScalarType.Float64)).Message);
    }

    [Fact]
    public void An_exception_from_the_learner_names_its_type_message_and_input()
    {
        var result = CheckDouble(x => x.mm(x));
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith("On the vector [1, 2, 3], your code threw ", result.Message);
    }

    [Fact]
    public void A_known_mistake_adds_its_hint_and_an_unknown_one_does_not()
    {
        ExerciseMistake<Tensor, Tensor>[] mistakes = [new("you squared instead of doubling.", x => x * x)];
        Assert.Equal("On the vector [1, 2, 3], the value at [0] is 1, expected 2. Hint: you squared instead of doubling.",
            CheckDouble(x => x * x, mistakes).Message);
        Assert.Equal("On the vector [1, 2, 3], the value at [0] is 3, expected 2.",
            CheckDouble(x => x * 3, mistakes).Message);
    }

    [Fact]
    public void The_learner_gets_a_fresh_input_so_changing_it_in_place_cannot_change_the_reference()
    {
        // x.mul_(2) doubles in place and returns x: right, even though the reference saw its own copy.
        Assert.True(CheckDouble(x => x.mul_(2)).Passed);
    }

    [Fact]
    public void Number_sequence_and_string_answers_say_how_they_differ()
    {
        Assert.Null(Answers.Numbers(0.1 + 0.2, 0.3));
        Assert.Equal("you returned 0.5, expected 0.25", Answers.Numbers(0.25, 0.5));
        Assert.Equal("item 1 is 4, expected 3", Answers.Sequences<int>([1, 3], [1, 4]));
        Assert.Equal("you returned 1 items, expected 2", Answers.Sequences<int>([1, 3], [1]));
        Assert.Equal("you returned \"ab\", expected \"ba\"", Answers.Strings("ba", "ab"));
        Assert.Null(Answers.Tensors(tensor(new[] { double.NaN, 1.0 }), tensor(new[] { double.NaN, 1.0 })));
        Assert.Equal("the value at [0] is NaN, expected 1", Answers.Tensors(tensor(new[] { 1.0 }), tensor(new[] { double.NaN })));
    }

    [Fact]
    public void Random_inputs_come_from_their_own_generator_and_leave_the_global_one_alone()
    {
        manual_seed(7);
        var expectedNext = randn(3);
        manual_seed(7);
        var a = ExerciseInputs.Normal(1, 4, 2);
        var next = randn(3);
        Assert.True(next.eq(expectedNext).all().item<bool>());
        Assert.True(a.eq(ExerciseInputs.Normal(1, 4, 2)).all().item<bool>());
        Assert.Equal([4L, 2L], a.shape);
    }

    [Fact]
    public void Equal_infinities_agree_and_an_infinity_where_a_number_is_expected_does_not()
    {
        // Filtered logits hold -infinity, and -inf - (-inf) is NaN: equal values must agree before any tolerance.
        var inf = double.NegativeInfinity;
        Assert.Null(Answers.Tensors(tensor(new[] { inf, 1.0 }), tensor(new[] { inf, 1.0 })));
        Assert.Equal("the value at [0] is -Infinity, expected 2", Answers.Tensors(tensor(new[] { 2.0 }), tensor(new[] { inf })));
        Assert.Equal("the value at [1] is 1, expected -Infinity", Answers.Tensors(tensor(new[] { inf, inf }), tensor(new[] { inf, 1.0 })));
    }
}

/// <summary>The runner's --solutions sets a process-wide variable, so this runs alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SolutionsModeCollection
{
    public const string Name = "Exercise solutions mode";
}

[Collection(SolutionsModeCollection.Name)]
public sealed class SolutionsModeTests
{
    [Fact]
    public void With_solutions_filled_in_a_rejected_answer_fails_the_cell_and_a_right_one_does_not()
    {
        Environment.SetEnvironmentVariable(Exercise.SolutionsVariable, "1");
        try
        {
            ExerciseCase<int>[] cases = [new("2", () => 2)];
            var e = Assert.Throws<ExerciseRejectedException>(() =>
                Exercise.Check("increment", x => x, x => x + 1, (a, b) => Answers.Numbers(a, b), cases));
            Assert.Equal("the reference solution was rejected by its own checker: ✗ increment: not yet right. On 2, you returned 2, expected 3.", e.Message);
            Assert.True(Exercise.Check("increment", x => x + 1, x => x + 1, (a, b) => Answers.Numbers(a, b), cases).Passed);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Exercise.SolutionsVariable, null);
        }
    }
}
