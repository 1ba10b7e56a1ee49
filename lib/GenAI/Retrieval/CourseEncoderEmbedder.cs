using GenAI.Data;
using GenAI.Models;
using GenAI.Text;
using GenAI.Training;
using static TorchSharp.torch;

namespace GenAI.Retrieval;

/// <summary>
/// The course's own encoder as an embedder: notebook 11's BERT (<see cref="Bert"/>, pretrained by masked-language
/// modelling on the six Austen novels with a word tokenizer) mean-pooled and normalised, as sentence-transformers
/// pools MiniLM:
///   u = sum_t m_t h_t / sum_t m_t      (mean of the final hidden states h_t over the real tokens, m_t = 1 unless padding)
///   e = u / ||u||                      (unit length, so e_a · e_b is the cosine)
/// The encoder reads at most ContextLength tokens ([CLS] included, 64 in notebook 11), so a longer text is cut into
/// windows of ContextLength − 1 words, each after a [CLS], and u is the mean over the real tokens of all its windows:
/// the windows' own means weighted by their token counts. Texts are tokenized without parsing special tokens, so a
/// literal "&lt;mask&gt;" in a text is an ordinary (unknown) word.
/// </summary>
public sealed class CourseEncoderEmbedder : IEmbedder
{
    /// <summary>Notebook 11's checkpoint name, seed and window: <see cref="FromNotebook11"/> asks the store for exactly its model.</summary>
    public const string Notebook11Name = "nb11-austen-bert";
    public const long Notebook11Seed = 1337;
    public const int Notebook11Window = 64;

    readonly Bert bert;
    readonly WordTokenizer tokenizer;
    readonly long clsId;
    readonly bool ownsEncoder;
    bool disposed;

    /// <param name="encoder">A pretrained <see cref="Bert"/>; its ContextLength is the window and its PadId the padding.</param>
    /// <param name="tokenizer">The word tokenizer the encoder was trained with (it must have a BOS token, notebook 11's [CLS]).</param>
    /// <param name="name">The name in tables and charts.</param>
    /// <param name="batchSize">Windows per forward pass (at least 1).</param>
    /// <param name="ownsEncoder">Whether <see cref="Dispose"/> disposes the encoder.</param>
    public CourseEncoderEmbedder(Bert encoder, WordTokenizer tokenizer, string name = "course BERT (notebook 11)", int batchSize = 64, bool ownsEncoder = true)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (batchSize < 1) throw new ArgumentException($"batchSize must be at least 1; got {batchSize}.", nameof(batchSize));
        if (tokenizer.BosId is not long bos)
            throw new ArgumentException("The tokenizer has no BOS token, which the encoder reads as [CLS]; train it with SpecialTokens.Default.", nameof(tokenizer));
        if (tokenizer.VocabSize != encoder.Config.VocabSize)
            throw new ArgumentException($"The tokenizer has {tokenizer.VocabSize} tokens but the encoder's VocabSize is {encoder.Config.VocabSize}: they were not trained together.", nameof(tokenizer));
        if (encoder.Config.ContextLength < 2)
            throw new ArgumentException($"The encoder's ContextLength must be at least 2 ([CLS] and one word); got {encoder.Config.ContextLength}.", nameof(encoder));
        bert = encoder;
        this.tokenizer = tokenizer;
        clsId = bos;
        Name = name;
        BatchSize = batchSize;
        this.ownsEncoder = ownsEncoder;
        bert.eval();
    }

    public string Name { get; }
    public int Dimension => bert.Config.ModelDim;

    /// <summary>Windows per forward pass.</summary>
    public int BatchSize { get; }

    /// <summary>The encoder (in eval mode).</summary>
    public Bert Encoder => bert;

    /// <summary>The word tokenizer.</summary>
    public WordTokenizer Tokenizer => tokenizer;

    /// <summary>Whether <see cref="FromNotebook11"/> loaded the encoder from the checkpoint store (false: trained now, or built by hand).</summary>
    public bool Loaded { get; private init; }

    /// <summary>How long the encoder's pretraining took (when it was trained: now, or before it was stored); 0 when built by hand.</summary>
    public double TrainSeconds { get; private init; }

    /// <summary>The pretraining run's curve and baseline (null when built by hand).</summary>
    public MaskedLmRun? Pretraining { get; private init; }

    /// <summary>Share of the words of <paramref name="texts"/> that the tokenizer does not know (its &lt;unk&gt; id).</summary>
    public double UnknownShare(IReadOnlyList<string> texts)
    {
        Embedders.CheckTexts(texts);
        long unk = tokenizer.UnkId ?? -1, all = 0, unknown = 0;
        foreach (var t in texts)
        {
            var ids = tokenizer.Encode(t, parseSpecialTokens: false);
            all += ids.Length;
            unknown += ids.Count(i => i == unk);
        }
        return all == 0 ? 0 : unknown / (double)all;
    }

    public Tensor Embed(IReadOnlyList<string> texts)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Embedders.CheckTexts(texts);
        var device = bert.TokenEmbeddings.device;
        if (texts.Count == 0) return zeros(0, Dimension, device: device);

        // Every text as windows of T − 1 word ids after a [CLS], padded to T; owner[w] is the text window w belongs to.
        int T = bert.Config.ContextLength;
        long pad = bert.Config.PadId;
        var rows = new List<long>();
        var owner = new List<long>();
        for (int i = 0; i < texts.Count; i++)
        {
            var ids = tokenizer.Encode(texts[i], parseSpecialTokens: false);
            int start = 0;
            do
            {
                int n = Math.Min(T - 1, ids.Length - start);
                rows.Add(clsId);
                for (int j = 0; j < n; j++) rows.Add(ids[start + j]);
                for (int j = n; j < T - 1; j++) rows.Add(pad);
                owner.Add(i);
                start += T - 1;
            } while (start < ids.Length);
        }

        using var scope = NewDisposeScope();
        var windows = tensor(rows.ToArray(), device: device).view(-1, T);                         // [W, T]
        var counts = windows.ne(pad).sum(1).to(float32).unsqueeze(1);                              // real tokens per window [W, 1]
        var means = EncoderClassifier.Features(bert, windows, BatchSize);                          // each window's mean state [W, d]
        var index = tensor(owner.ToArray(), device: device);
        var sums = zeros(texts.Count, Dimension, device: device).index_add_(0, index, means.mul(counts), 1);   // sum_t h_t per text
        var totals = zeros(texts.Count, 1, device: device).index_add_(0, index, counts, 1);                      // sum_t m_t per text
        return scope.MoveToOuter(Embedders.Normalize(sums.div(totals)));                           // e = u / ||u||
    }

    /// <summary>
    /// Notebook 11's pretrained BERT with the same data, sizes and seed as notebook 11 (so the checkpoint that notebook 11
    /// saved is the one loaded): the word tokenizer trained on the first 80 % of each Austen novel (a fifth of that in
    /// quick mode, V = 2 000 / 5 000), windows of 64 tokens, L = 2 / 4 blocks of d = 128, 20 / 600 masked-LM steps. Loaded
    /// from the checkpoint store when it holds that model, else pretrained now (quick: seconds; full: minutes) and saved.
    /// </summary>
    /// <param name="quick">Notebook 11's quick-mode encoder (what CI trains) instead of its full one.</param>
    public static CourseEncoderEmbedder FromNotebook11(bool quick, Device? device = null, CheckpointStore? store = null, string? datasetsDirectory = null)
    {
        const int window = Notebook11Window;
        long seed = Notebook11Seed;
        var dev = device ?? CPU;
        var novels = AustenNovels.Load(datasetsDirectory);
        var trainStretches = AustenNovels.Stretches(novels, 0, 0.8);
        var heldOutStretches = AustenNovels.Stretches(novels, 0.8, 1.0);
        var pretrainText = quick ? trainStretches.Select(t => t[..(t.Length / 5)]).ToList() : trainStretches;
        var tokenizer = WordTokenizer.Train(pretrainText, SpecialTokens.Default, maxVocabSize: quick ? 2000 : 5000);
        long padId = tokenizer.PadId!.Value, unkId = tokenizer.UnkId!.Value, clsId = tokenizer.BosId!.Value, eosId = tokenizer.EosId!.Value, maskId = tokenizer.MaskId!.Value;
        long[] specials = [padId, unkId, clsId, eosId];

        // Non-overlapping windows of window − 1 tokens, each after a [CLS]: [N, window] (notebook 11, section 1)
        Tensor Windows(IEnumerable<string> texts, int? maxWindows)
        {
            var rows = new List<long>();
            foreach (var text in texts)
            {
                var ids = tokenizer.Encode(text);
                for (int start = 0; start + window - 1 <= ids.Length; start += window - 1)
                {
                    rows.Add(clsId);
                    rows.AddRange(ids.Skip(start).Take(window - 1));
                }
            }
            var all = tensor(rows.ToArray()).view(-1, window);
            if (maxWindows is int m && m < all.shape[0])
                all = all.index_select(0, randperm(all.shape[0], generator: new Generator((ulong)seed)).narrow(0, 0, m));
            return all.to(dev);
        }

        // No dispose scope here: the encoder is made inside the store's call and must outlive it.
        using var train = Windows(pretrainText, null);
        using var validation = Windows(heldOutStretches, quick ? 100 : 1000);
        var config = new BertConfig(VocabSize: tokenizer.VocabSize, ContextLength: window, ModelDim: 128, Layers: quick ? 2 : 4, Heads: 4, FfnDim: 512, SegmentTypes: 0, PadId: padId);
        int steps = quick ? 20 : 600;
        var settings = new MaskedLmTraining(config, Steps: steps, BatchSize: quick ? 16 : 32, LearningRate: 1e-3, EvalEvery: Math.Max(1, steps / (quick ? 4 : 15)));
        var run = CourseModels.PretrainedBert(Notebook11Name, train, validation, settings, maskId, specials, seed, dev, store);
        return new CourseEncoderEmbedder(run.Model, tokenizer, quick ? "course BERT (notebook 11, quick)" : "course BERT (notebook 11)")
        {
            Loaded = run.Loaded, TrainSeconds = run.TrainSeconds, Pretraining = run.Summary,
        };
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        if (ownsEncoder) bert.Dispose();
    }
}
