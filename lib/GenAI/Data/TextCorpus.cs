using System.IO.Compression;
using System.Text;

namespace GenAI.Data;

/// <summary>
/// The bundled English corpus: Jane Austen's six novels (datasets/austen.txt.gz, about 4 million
/// characters), for the word-level, BPE and GPT models.
/// </summary>
public static class TextCorpus
{
    /// <summary>
    /// The whole corpus (or its first <paramref name="maxCharacters"/> characters, for quick runs),
    /// after verifying the file's checksum.
    /// </summary>
    public static string LoadAusten(int? maxCharacters = null, string? datasetsDirectory = null)
    {
        if (maxCharacters is < 1) throw new ArgumentOutOfRangeException(nameof(maxCharacters), maxCharacters, "maxCharacters must be at least 1.");
        string path = BundledFiles.Austen.VerifiedPath(datasetsDirectory);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, new UTF8Encoding(false, throwOnInvalidBytes: true));
        if (maxCharacters is not int max) return reader.ReadToEnd();
        var buffer = new char[max];
        int read = reader.ReadBlock(buffer, 0, max);
        return new string(buffer, 0, read);
    }

    /// <summary>
    /// Cuts a text into consecutive train/validation/test parts (train first). Text is not shuffled:
    /// a language model must see running text, and the held-out parts must not overlap the training part.
    /// Cuts are moved forward to the next line break, so no word is split between two parts.
    /// </summary>
    public static DataSplit<string> SplitContiguous(string text, SplitFractions? fractions = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        fractions ??= SplitFractions.Default;
        var (train, validation, _) = fractions.Sizes(text.Length);
        int firstCut = NextLineStart(text, train);
        int secondCut = Math.Max(firstCut, NextLineStart(text, train + validation));
        return new DataSplit<string>(text[..firstCut], text[firstCut..secondCut], text[secondCut..]);
    }

    static int NextLineStart(string text, long position)
    {
        if (position >= text.Length) return text.Length;
        if (position <= 0) return 0;
        int newline = text.IndexOf('\n', (int)position - 1);
        return newline < 0 ? text.Length : newline + 1;
    }
}
