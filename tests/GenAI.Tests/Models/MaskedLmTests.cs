using GenAI.Data;
using GenAI.Models;
using GenAI.Text;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class MaskedLmTests
{
    static readonly BertConfig Tiny = new(VocabSize: 12, ContextLength: 8, ModelDim: 16, Layers: 1, Heads: 2, FfnDim: 32, SegmentTypes: 0);

    [Fact]
    public void Masked_accuracy_counts_only_the_chosen_positions()
    {
        // argmax per position: 2, 0, 1; labels: ignore, 0 (right), 2 (wrong) -> 1 of 2
        using var logits = tensor(new float[] { 0, 1, 5, 9, 0, 0, 0, 3, 1 }).view(1, 3, 3);
        using var labels = tensor(new long[] { -100, 0, 2 }).view(1, 3);
        Assert.Equal(0.5, MaskedLm.MaskedAccuracy(logits, labels));
        using var none = full(1, 3, -100L);
        Assert.True(double.IsNaN(MaskedLm.MaskedAccuracy(logits, none)));
        Assert.Throws<ArgumentException>(() => MaskedLm.MaskedAccuracy(logits, tensor(new long[] { 1, 2 })));
    }

    [Fact]
    public void Chosen_loss_equals_the_full_masked_lm_loss()
    {
        manual_seed(9);
        using var bert = new Bert(Tiny);
        bert.eval();
        using var ids = randint(3, 12, [4, 8], generator: new Generator(10));
        using var batch = BertMasking.Apply(ids, 2, 12, [0L, 1L], new Generator(11), probability: 0.3);
        using var full = bert.MaskedLmLoss(batch.Inputs, batch.Labels);
        var (loss, logits, labels) = MaskedLm.ChosenLoss(bert, batch.Inputs, batch.Labels);
        Assert.Equal(full.item<float>(), loss.item<float>(), 5);
        Assert.Equal(batch.Chosen.sum().item<long>(), labels.shape[0]);
        Assert.Equal(new long[] { labels.shape[0], 12 }, logits.shape);
    }

    [Fact]
    public void Most_frequent_token_skips_specials_and_constant_accuracy_is_its_share()
    {
        using var ids = tensor(new long[] { 0, 0, 0, 0, 3, 3, 4, 5, 3 }).view(3, 3);
        Assert.Equal(3L, MaskedLm.MostFrequentToken(ids, 6, [0L]));
        Assert.Equal(0L, MaskedLm.MostFrequentToken(ids, 6, []));
        using var labels = tensor(new long[] { -100, 3, 4, -100, 3, 3 }).view(2, 3);
        Assert.Equal(0.75, MaskedLm.ConstantAccuracy(labels, 3));
    }

    [Fact]
    public void Mean_pool_averages_the_real_tokens_only()
    {
        // row 0: ids 5, 6, pad -> mean of (1, 2) and (3, 4) = (2, 3); row 1: only the first token is real -> (5, 6)
        using var hidden = tensor(new float[] { 1, 2, 3, 4, 100, 100, 5, 6, 100, 100, 100, 100 }).view(2, 3, 2);
        using var ids = tensor(new long[] { 5, 6, 0, 7, 0, 0 }).view(2, 3);
        using var pooled = EncoderClassifier.MeanPool(hidden, ids, 0);
        Assert.Equal(new float[] { 2, 3, 5, 6 }, pooled.data<float>().ToArray());
        Assert.Throws<ArgumentException>(() => EncoderClassifier.MeanPool(hidden, ids.narrow(1, 0, 2), 0));
    }

    [Fact]
    public void Encoder_classifier_features_are_what_its_head_reads()
    {
        manual_seed(3);
        using var bert = new Bert(Tiny);
        using var classifier = new EncoderClassifier(bert, 3);
        Assert.Equal(Tiny.ParameterCount + 16 * 3 + 3, classifier.ParameterCount());
        using var ids = randint(3, 12, [5, 8], generator: new Generator(4));
        using var features = EncoderClassifier.Features(bert, ids, batchSize: 2);
        Assert.Equal(new long[] { 5, 16 }, features.shape);
        classifier.eval();
        using var logits = classifier.call(ids);
        Assert.Equal(new long[] { 5, 3 }, logits.shape);
        using var encoded = bert.Encode(ids);
        Assert.True(features.allclose(encoded.mean([1]), atol: 1e-5));   // no padding: the plain mean
    }

    [Fact]
    public void Pretraining_beats_the_most_frequent_token_on_a_learnable_pattern()
    {
        // windows "1, a, a+1, a+2, ..." (mod 9, shifted past the specials 0..2): each masked token follows from its neighbours
        var rows = Enumerable.Range(0, 64).Select(a => new long[] { 1 }.Concat(Enumerable.Range(0, 7).Select(k => 3L + (a + k) % 9))).SelectMany(r => r).ToArray();
        using var windows = tensor(rows, [64, 8]);
        manual_seed(5);
        using var bert = new Bert(Tiny);
        var settings = new MaskedLmTraining(Tiny, Steps: 300, BatchSize: 32, LearningRate: 3e-3, MaskProbability: 0.3, EvalEvery: 100);
        var run = MaskedLm.Pretrain(bert, windows, windows, settings, maskId: 2, specialIds: [0L, 1L], seed: 6, title: "test");
        Assert.Equal(3, run.Points.Count);
        Assert.InRange(run.BaselineAccuracy, 0.0, 0.3);
        Assert.True(run.Last.MaskedAccuracy > 2 * run.BaselineAccuracy, $"masked accuracy {run.Last.MaskedAccuracy:F3}, baseline {run.BaselineAccuracy:F3}");
        Assert.True(run.Last.ValidationLoss < run.Points[0].ValidationLoss);
    }

    [Fact]
    public void Pretrained_bert_is_saved_once_then_loaded_with_its_curve()
    {
        string folder = Path.Combine(Path.GetTempPath(), "genai-mlm-" + Guid.NewGuid().ToString("N"));
        try
        {
            var lines = new List<string>();
            var store = new CheckpointStore(folder) { Log = lines.Add };
            using var windows = randint(3, 12, [16, 8], generator: new Generator(7));
            var settings = new MaskedLmTraining(Tiny, Steps: 4, BatchSize: 4, EvalEvery: 2);
            var first = CourseModels.PretrainedBert("test-bert", windows, windows, settings, 2, [0L, 1L], seed: 8, store: store);
            var second = CourseModels.PretrainedBert("test-bert", windows, windows, settings, 2, [0L, 1L], seed: 8, store: store);
            Assert.False(first.Loaded);
            Assert.True(second.Loaded);
            Assert.Equal(first.Summary.Points, second.Summary.Points);
            foreach (var (a, b) in first.Model.parameters().Zip(second.Model.parameters())) Assert.True(a.eq(b).all().item<bool>());
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, true); }
    }

    [Fact]
    public void Linear_probe_separates_separable_features()
    {
        using var x = tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1, 5, 5, 5, 6, 6, 5, 6, 6 }).view(8, 2);
        using var y = tensor(new long[] { 0, 0, 0, 0, 1, 1, 1, 1 });
        var data = new LabelledTensors(x, y);
        var (head, run) = LinearProbe.Fit(data, data, classes: 2, seed: 1, epochs: 200, batchSize: 8, learningRate: 0.1, patience: null);
        Assert.Equal(1.0, run.Last.ValidationAccuracy);
        Assert.Equal(2 * 2 + 2, head.ParameterCount());
        Assert.Throws<ArgumentException>(() => LinearProbe.Fit(new LabelledTensors(x.view(8, 2, 1), y), data, 2, 1));
    }

    [Fact]
    public void Text_to_text_t5_learns_to_copy_and_is_stored()
    {
        string folder = Path.Combine(Path.GetTempPath(), "genai-t5-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new CheckpointStore(folder) { Log = _ => { } };
            var random = new Random(1);
            var seqs = Enumerable.Range(0, 64).Select(_ => (IReadOnlyList<long>)Enumerable.Range(0, 4).Select(_ => (long)random.Next(3, 10)).ToArray()).ToList();
            var (s, t) = TextToTextTasks.Pad(seqs, seqs, padId: 0, eosId: 2, sourceLength: 4, targetLength: 5);
            var config = new T5Config(VocabSize: 10, ContextLength: 8, ModelDim: 32, Layers: 1, Heads: 2, FfnDim: 64);
            var settings = new TextToTextTraining(config, Steps: 200, BatchSize: 32, LearningRate: 3e-3);
            var trained = CourseModels.TextToTextT5("test-copy", s, t, s, t, settings, seed: 2, store: store);
            Assert.True(trained.Summary.LastValidation < trained.Summary.Validation[0].Loss / 2);
            var again = CourseModels.TextToTextT5("test-copy", s, t, s, t, settings, seed: 2, store: store);
            Assert.True(again.Loaded);
            var outputs = again.Model.GenerateGreedy(s.narrow(0, 0, 16), maxLength: 5);
            double exact = outputs.Select((o, i) => o.SequenceEqual(seqs[i]) ? 1.0 : 0.0).Average();
            Assert.True(exact > 0.5, $"copied exactly: {exact:P0}");
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, true); }
    }
}
