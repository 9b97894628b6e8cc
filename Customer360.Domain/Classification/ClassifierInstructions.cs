using System.Reflection;
using System.Text;

namespace Customer360.Domain.Classification;

/// <summary>
/// The system instructions the LLM classifier sends, and their version: a hash of the text, recorded with
/// every cached classification so that a run can re-ask the keywords classified under other instructions
/// (<c>--reclassify-stale</c>). The built-in default is <c>DefaultClassifierInstructions.txt</c> beside this
/// file; a file of one's own replaces it wholesale. Keywords never go into the instructions.
/// </summary>
public sealed record ClassifierInstructions(string Text)
{
    private const string ResourceName = "Customer360.Domain.Classification.DefaultClassifierInstructions.txt";

    /// <summary>A short content hash, e.g. <c>i-3f2a…</c>. Whitespace at the ends does not count.</summary>
    public string Version { get; } = "i-" + Hashing.ShortHex(Text.Trim());

    public static ClassifierInstructions Default { get; } = new(LoadDefault());

    /// <summary>Reads instructions from a UTF-8 text file; refuses a missing, unreadable or blank file.</summary>
    /// <exception cref="InvalidDataException">The file cannot be used.</exception>
    public static ClassifierInstructions ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new InvalidDataException($"Classifier instructions {path} cannot be read: {ex.Message}", ex);
        }
        if (text.Trim().Length == 0)
        {
            throw new InvalidDataException($"Classifier instructions {path} are refused: the file is empty.");
        }
        return new ClassifierInstructions(text.Trim());
    }

    /// <summary>The app-setting form: the path of an instructions file (a prompt does not fit an app setting well).</summary>
    public static ClassifierInstructions FromSetting(string value) => ReadFile(value.Trim());

    private static string LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Trim();
    }
}
