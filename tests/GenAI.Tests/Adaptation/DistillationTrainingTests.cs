using GenAI.Adaptation;
using GenAI.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Adaptation;

public class DistillationTrainingTests
{
    static LabelledTensors Toy(int n = 40)
    {
        using var g = new Generator(11);
        var x = randn(n, 3, generator: g);
        var y = randint(0, 4, new long[] { n }, generator: g);
        return new LabelledTensors(x, y);
    }

    [Fact]
    public void TeacherLogitsInBatchesEqualOneCall()
    {
        manual_seed(1);
        using var teacher = nn.Linear(3, 4);
        using var data = Toy();
        using var batched = DistillationTraining.TeacherLogits(teacher, data.Features, batchSize: 7);
        using var whole = teacher.call(data.Features);
        Assert.Equal(new long[] { 40, 4 }, batched.shape);
        Assert.True(batched.allclose(whole, rtol: 1e-6, atol: 1e-6));
        Assert.False(batched.requires_grad);
    }

    [Fact]
    public void AlphaZeroIsPlainCrossEntropyTraining()
    {
        using var data = Toy();
        manual_seed(2);
        using var student = nn.Linear(3, 4);
        manual_seed(2);
        using var reference = nn.Linear(3, 4);
        using var teacherLogits = randn(40, 4, generator: new Generator(3));
        DistillationTraining.Fit(student, optim.SGD(student.parameters(), 0.1), data, teacherLogits, epochs: 2, batchSize: 16, temperature: 4, alpha: 0, seed: 5);
        // the same loop by hand: the same shuffles, cross-entropy on the labels only
        var sgd = optim.SGD(reference.parameters(), 0.1);
        using var g = new Generator(5);
        for (int epoch = 0; epoch < 2; epoch++)
        {
            var order = randperm(40, generator: g);
            for (long start = 0; start < 40; start += 16)
            {
                var index = order.narrow(0, start, Math.Min(16, 40 - start));
                sgd.zero_grad();
                nn.functional.cross_entropy(reference.call(data.Features[index]), data.Labels[index]).backward();
                sgd.step();
            }
        }
        Assert.True(student.weight!.allclose(reference.weight!, rtol: 1e-5, atol: 1e-6));
        Assert.True(student.bias!.allclose(reference.bias!, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void SoftTargetsAloneBringTheStudentToTheTeacher()
    {
        using var data = Toy(200);
        manual_seed(4);
        using var teacher = nn.Linear(3, 4);
        using var student = nn.Linear(3, 4);
        using var z = DistillationTraining.TeacherLogits(teacher, data.Features);
        double Kl() { using var _ = no_grad(); return Distillation.SoftTargetLoss(student.call(data.Features), z, 2).item<float>(); }
        double before = Kl();
        var run = DistillationTraining.Fit(student, optim.Adam(student.parameters(), 0.05), data, z, epochs: 30, batchSize: 50, temperature: 2, alpha: 1, seed: 6);
        Assert.Equal(30, run.EpochLosses.Count);
        Assert.True(run.EpochLosses[^1] < run.EpochLosses[0]);
        Assert.True(Kl() < 0.05 * before, $"KL {Kl()} after training, {before} before");
        Assert.False(student.training);
    }

    [Fact]
    public void FitNamesMismatchedTeacherLogits()
    {
        using var data = Toy();
        using var student = nn.Linear(3, 4);
        using var z = zeros(39, 4);
        var e = Assert.Throws<ArgumentException>(() =>
            DistillationTraining.Fit(student, optim.SGD(student.parameters(), 0.1), data, z, 1, 8, 2, 0.5, 1));
        Assert.Contains("N = 40", e.Message);
    }
}
