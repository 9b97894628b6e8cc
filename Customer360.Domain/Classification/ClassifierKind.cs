namespace Customer360.Domain.Classification;

/// <summary>Which keyword classifier a run uses.</summary>
public enum ClassifierKind
{
    /// <summary>The offline rule-based classifier (the embedded default).</summary>
    Offline,

    /// <summary>OpenAI or any OpenAI-compatible endpoint.</summary>
    OpenAi,

    /// <summary>Azure OpenAI.</summary>
    AzureOpenAi,
}

public static class KeywordClassifierFactory
{
    /// <summary>Builds the classifier; an LLM kind needs an endpoint (and a key, unless a token credential is given for Azure).</summary>
    public static IKeywordClassifier Create(ClassifierKind kind, string? endpoint, string? apiKey, OpenAiClassifierSettings settings, Azure.Core.TokenCredential? credential = null)
    {
        if (kind == ClassifierKind.Offline)
        {
            return new RuleBasedKeywordClassifier();
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"The {kind} classifier needs an absolute endpoint URL.", nameof(endpoint));
        }
        return kind == ClassifierKind.AzureOpenAi
            ? OpenAiKeywordClassifier.ForAzure(uri, apiKey, credential, settings)
            : OpenAiKeywordClassifier.ForOpenAi(uri, apiKey is { Length: > 0 } ? apiKey : throw new ArgumentException("The OpenAI classifier needs an API key.", nameof(apiKey)), settings);
    }
}
