using TicketCategories = Workflow.Classify.Classification.Categories;

namespace Workflow.Classify.Classification.Llm;

/// <summary>An OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, LM Studio…).</summary>
public sealed class LlmOptions
{
    public const string Section = "Classification:Llm";

    /// <summary>The API's base URL, up to and including <c>/v1</c>.</summary>
    public Uri Endpoint { get; set; } = new("https://api.openai.com/v1");

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>From a secret (environment, user secrets, a Kubernetes Secret), never from a committed file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries on 408, 429 and 5xx, with exponential backoff honouring Retry-After.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Longer documents are cut here: cost and latency grow with every token.</summary>
    public int MaxDocumentCharacters { get; set; } = 12_000;

    /// <summary>Prices for the recorded cost of each decision (0: cost not recorded).</summary>
    public decimal InputUsdPerMillionTokens { get; set; }

    public decimal OutputUsdPerMillionTokens { get; set; }

    /// <summary>The only answers accepted.</summary>
    public List<string> Categories { get; set; } = [.. TicketCategories.All];
}
