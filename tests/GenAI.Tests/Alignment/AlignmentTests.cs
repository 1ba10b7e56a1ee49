using GenAI.Alignment;
using GenAI.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Tests.Alignment;

/// <summary>A bigram "language model" with a fixed logit table: logits[b, t] = table[x[b, t]], for hand-worked log-probabilities.</summary>
sealed class TableBigram : nn.Module<Tensor, Tensor>
{
    readonly Embedding table;
    public TableBigram(float[,] logits) : base(nameof(TableBigram))
    {
        int V = logits.GetLength(0);
        table = nn.Embedding(V, V);
        RegisterComponents();
        using var noGrad = no_grad();
        table.weight!.copy_(tensor(logits));
    }
    public override Tensor forward(Tensor x) => table.call(x);
}

public class PromptResponseBatchTests
{
    [Fact]
    public void PacksPromptThenResponseWithAMaskAndTheLastIndex()
    {
        using var batch = PromptResponseBatch.Create([([5, 6], [7, 8]), ([5], [9])], padToken: 0);
        Assert.Equal(new long[] { 5, 6, 7, 8, 5, 9, 0, 0 }, batch.Tokens.data<long>().ToArray());
        Assert.Equal(new float[] { 0, 0, 1, 1, 0, 1, 0, 0 }, batch.ResponseMask.data<float>().ToArray());
        Assert.Equal(new long[] { 3, 1 }, batch.LastIndex.data<long>().ToArray());
    }

    [Fact]
    public void RejectsAnEmptyResponse()
    {
        var e = Assert.Throws<ArgumentException>(() => PromptResponseBatch.Create([([5], [])], 0));
        Assert.Contains("empty response", e.Message);
    }
}

public class SupervisedFineTuningTests
{
    [Fact]
    public void PromptAndPaddingPositionsCarryTheIgnoreIndex()
    {
        using var batch = PromptResponseBatch.Create([([5, 6], [7, 8]), ([5], [9])], padToken: 0);
        var (inputs, targets) = SupervisedFineTuning.InputsAndTargets(batch);
        // row 0: inputs 5 6 7, targets (6 is prompt) -100, 7, 8; row 1: inputs 5 9 0, targets 9, (pad) -100, -100
        Assert.Equal(new long[] { 5, 6, 7, 5, 9, 0 }, inputs.data<long>().ToArray());
        Assert.Equal(new long[] { -100, 7, 8, 9, -100, -100 }, targets.data<long>().ToArray());
    }

    [Fact]
    public void LossIsTheMeanCrossEntropyOfResponseTokensOnly()
    {
        // V = 3; from token 0 the logits are [0, ln 3, 0] -> p(1 | 0) = 3/5; from token 1 they are [0, 0, 0] -> p(2 | 1) = 1/3
        using var model = new TableBigram(new float[,] { { 0, (float)Math.Log(3), 0 }, { 0, 0, 0 }, { 0, 0, 0 } });
        // prompt [2, 0] (the step 2 -> 0 is not scored), response [1, 2]
        using var batch = PromptResponseBatch.Create([([2, 0], [1, 2])], padToken: 0);
        using var loss = SupervisedFineTuning.Loss(model, batch);
        double expected = -(Math.Log(3.0 / 5) + Math.Log(1.0 / 3)) / 2;
        Assert.Equal(expected, loss.item<float>(), 5);
    }
}

public class SequenceLogProbsTests
{
    [Fact]
    public void SumsTheResponseTokensLogProbabilitiesGivenThePrompt()
    {
        using var model = new TableBigram(new float[,] { { 0, (float)Math.Log(3), 0 }, { 0, 0, 0 }, { (float)Math.Log(2), 0, 0 } });
        // row 0: prompt [0], response [1, 2]: log(3/5) + log(1/3); row 1: prompt [0, 2], response [0]: log p(0 | 2) = log(2/4)
        using var batch = PromptResponseBatch.Create([([0], [1, 2]), ([0, 2], [0])], padToken: 1);
        using var logp = SequenceLogProbs.OfResponses(model, batch);
        var values = logp.data<float>().ToArray();
        Assert.Equal(Math.Log(3.0 / 5) + Math.Log(1.0 / 3), values[0], 5);
        Assert.Equal(Math.Log(2.0 / 4), values[1], 5);
    }
}

public class PreferenceTests
{
    [Fact]
    public void BradleyTerryLossMatchesAHandWorkedValue()
    {
        // −log σ(2 − 0.5) = log(1 + e^{−1.5}) = 0.201413; −log σ(0 − 1) = log(1 + e) = 1.313262; mean 0.757337
        using var chosen = tensor(new float[] { 2, 0 });
        using var rejected = tensor(new float[] { 0.5f, 1 });
        using var loss = Preference.BradleyTerryLoss(chosen, rejected);
        Assert.Equal((Math.Log(1 + Math.Exp(-1.5)) + Math.Log(1 + Math.E)) / 2, loss.item<float>(), 5);
        Assert.Equal(0.757337, loss.item<float>(), 4);
        Assert.Equal(0.5, Preference.PairwiseAccuracy(chosen, rejected));
    }

    [Fact]
    public void RejectsPairsOfDifferentLengths()
    {
        using var a = zeros(3);
        using var b = zeros(2);
        Assert.Throws<ArgumentException>(() => Preference.BradleyTerryLoss(a, b));
    }

    [Fact]
    public void DpoLossAndImplicitRewardMatchHandWorkedValues()
    {
        // β = 0.1; log π(y_w) = −5, log π_ref(y_w) = −6, log π(y_l) = −7, log π_ref(y_l) = −6
        // margin = 0.1 [(−5 + 6) − (−7 + 6)] = 0.2; loss = log(1 + e^{−0.2}) = 0.598139
        using var pw = tensor(new float[] { -5 });
        using var pl = tensor(new float[] { -7 });
        using var rw = tensor(new float[] { -6 });
        using var rl = tensor(new float[] { -6 });
        using var loss = Dpo.Loss(pw, pl, rw, rl, beta: 0.1);
        Assert.Equal(0.598139, loss.item<float>(), 5);
        using var implicitW = Dpo.ImplicitReward(pw, rw, 0.1);
        using var implicitL = Dpo.ImplicitReward(pl, rl, 0.1);
        Assert.Equal(0.1, implicitW.item<float>(), 5);
        Assert.Equal(-0.1, implicitL.item<float>(), 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => Dpo.Loss(pw, pl, rw, rl, beta: 0));
    }
}

[Collection(SeededCollection.Name)]
public class RewardModelTests
{
    static GptConfig Tiny => new(VocabSize: 5, ContextLength: 6, Layers: 1, Heads: 1, EmbeddingDim: 8);

    [Fact]
    public void ReadsTheLastRealTokenAndIgnoresThePaddingAfterIt()
    {
        manual_seed(0);
        using var model = new RewardModel(Tiny);
        using (no_grad()) nn.init.normal_(model.named_parameters().First(p => p.name == "head.weight").parameter);
        using var short1 = PromptResponseBatch.Create([([1], [2, 3])], padToken: 0);
        using var padded = PromptResponseBatch.Create([([1], [2, 3]), ([1], [2, 3, 4, 4])], padToken: 0);
        using var a = model.Score(short1);
        using var b = model.Score(padded);
        Assert.Equal(a.item<float>(), b[0].item<float>(), 5);          // padding after the last token changes nothing
        Assert.NotEqual(b[0].item<float>(), b[1].item<float>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void StartsFromACopyOfTheGptsWeightsWithAZeroHead(bool tied)
    {
        manual_seed(1);
        using var gpt = new Gpt(Tiny with { TiedEmbeddings = tied });
        using var model = RewardModel.FromGpt(gpt);
        var g = gpt.state_dict();
        var trunk = model.Trunk.state_dict();
        Assert.Equal(g.Keys.Order(), trunk.Keys.Order());
        foreach (var (name, p) in trunk)
            Assert.True(p.eq(g[name]).all().item<bool>(), name);
        // the reward model's own tensors: the GPT's under "trunk." and the head, nothing else
        Assert.Equal(g.Keys.Select(k => "trunk." + k).Append("head.weight").Append("head.bias").Order(), model.state_dict().Keys.Order());
        using var batch = PromptResponseBatch.Create([([1], [2, 3]), ([4], [2])], padToken: 0);
        using var r = model.Score(batch);
        Assert.Equal(new float[] { 0, 0 }, r.data<float>().ToArray());   // the head starts at zero
        // a copy, not the same tensors: training the reward model leaves the GPT as it was
        using (no_grad()) model.Trunk.named_parameters().First(p => p.name == "wte.weight").parameter.add_(1);
        Assert.True(gpt.state_dict()["wte.weight"].eq(g["wte.weight"]).all().item<bool>());
        Assert.False(model.Trunk.state_dict()["wte.weight"].eq(gpt.state_dict()["wte.weight"]).all().item<bool>());
    }

    [Fact]
    public void ItsTrunkGivesTheGptsHiddenStatesAndTheHeadReadsTheLastToken()
    {
        manual_seed(4);
        using var gpt = new Gpt(Tiny);
        using var model = RewardModel.FromGpt(gpt);
        var head = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using (no_grad()) { nn.init.normal_(head["head.weight"]); head["head.bias"].fill_(0.25); }
        using var batch = PromptResponseBatch.Create([([1], [2, 3]), ([1, 4], [2, 3, 4, 1])], padToken: 0);
        using var r = model.Score(batch);
        // by hand: the GPT's final hidden states (after ln_f) at each row's last token, times w, plus b
        using var hidden = gpt.HiddenStates(batch.Tokens);
        using var trunkHidden = model.Trunk.HiddenStates(batch.Tokens);
        Assert.True(trunkHidden.eq(hidden).all().item<bool>(), "the trunk's hidden states are not the GPT's at init");
        var last = batch.LastIndex.data<long>().ToArray();
        Assert.Equal(new long[] { 2, 5 }, last);
        for (int b = 0; b < 2; b++)
        {
            double expected = (hidden[b, last[b]] * head["head.weight"][0]).sum().item<float>() + 0.25;
            Assert.Equal(expected, r[b].item<float>(), 5);
        }
    }

    [Fact]
    public void BadInputIsReported()
    {
        using var model = new RewardModel(Tiny);
        using var tooLong = zeros([1, 7], ScalarType.Int64);
        using var one = zeros([1], ScalarType.Int64);
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => model.call(tooLong, one)).ParamName);
        using var tokens = zeros([2, 3], ScalarType.Int64);
        Assert.Equal("lastIndex", Assert.Throws<ArgumentException>(() => model.call(tokens, one)).ParamName);
    }
}

[Collection(SeededCollection.Name)]
public class KlPenalizedReinforceTests
{
    [Fact]
    public void PenalizedRewardAndLossMatchHandWorkedValues()
    {
        // R = r − β (log π − log π_ref) = 1 − 0.5 (−2 + 3) = 0.5 and 3 − 0.5 (−1 + 1) = 3
        using var r = tensor(new float[] { 1, 3 });
        using var logPi = tensor(new float[] { -2, -1 });
        using var logRef = tensor(new float[] { -3, -1 });
        using var R = KlPenalizedReinforce.PenalizedReward(r, logPi, logRef, beta: 0.5);
        Assert.Equal(new float[] { 0.5f, 3 }, R.data<float>().ToArray());
        // baseline mean 1.75, advantages −1.25, 1.25; loss = −mean(−1.25·−2 + 1.25·−1) = −0.625
        using var loss = KlPenalizedReinforce.Loss(logPi, R);
        Assert.Equal(-0.625, loss.item<float>(), 5);
    }

    [Fact]
    public void UpdatesThePolicyAndNeverTheReference()
    {
        manual_seed(2);
        using var policy = new Gpt(new GptConfig(VocabSize: 4, ContextLength: 6, Layers: 1, Heads: 1, EmbeddingDim: 8));
        using var reference = ResponseSampler.Copy(policy, frozen: true);
        var before = reference.parameters().Select(p => p.detach().clone()).ToList();
        var policyBefore = policy.parameters().Select(p => p.detach().clone()).ToList();
        // reward: the number of token 3 in the response
        Tensor Reward(PromptResponseBatch b) => (b.Tokens.eq(3).to(ScalarType.Float32) * b.ResponseMask).sum(1);
        using var adam = optim.Adam(policy.parameters(), lr: 1e-2);
        var rl = new KlPenalizedReinforce(policy, reference, Reward, adam, beta: 0.1, endToken: 0, maxNewTokens: 4);
        var prompts = Enumerable.Repeat(new long[] { 1 }, 16).ToList();
        using var g = new Generator(5);
        var first = rl.Step(prompts, g);
        for (int i = 0; i < 4; i++) rl.Step(prompts, g);
        Assert.True(reference.parameters().Zip(before).All(pair => pair.First.eq(pair.Second).all().item<bool>()), "the reference changed");
        Assert.False(policy.parameters().Zip(policyBefore).All(pair => pair.First.eq(pair.Second).all().item<bool>()), "the policy did not change");
        Assert.Equal(0, first.Kl, 5);   // the first batch is drawn before any update: π = π_ref
        Assert.Throws<ArgumentException>(() => new KlPenalizedReinforce(policy, policy, Reward, adam, 0.1, 0, 4));
    }

    [Fact]
    public void SampledResponsesEndAtTheEndToken()
    {
        manual_seed(3);
        using var gpt = new Gpt(new GptConfig(VocabSize: 3, ContextLength: 8, Layers: 1, Heads: 1, EmbeddingDim: 8));
        using var g = new Generator(1);
        using var batch = ResponseSampler.Sample(gpt, Enumerable.Repeat(new long[] { 1, 2 }, 20).ToList(), 6, endToken: 0, g);
        foreach (var response in batch.Responses)
        {
            int end = Array.IndexOf(response, 0L);
            Assert.True(end < 0 ? response.Length == 6 : end == response.Length - 1);
        }
        Assert.Throws<ArgumentException>(() => ResponseSampler.Sample(gpt, [[1, 2]], 7, 0));
    }
}
