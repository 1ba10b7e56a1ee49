namespace GenAI.Notebooks.Documents;

/// <summary>A notebook file that cannot be read; the message names the file and what is wrong.</summary>
public sealed class NotebookFormatException(string message, Exception? inner = null) : Exception(message, inner);
