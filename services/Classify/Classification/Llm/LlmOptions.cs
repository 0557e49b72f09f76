using TicketCategories = Workflow.Classify.Classification.Categories;

namespace Workflow.Classify.Classification.Llm;

/// <summary>
/// A language model behind one of two wire formats: any OpenAI-compatible chat-completions
/// endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, LM Studio…) or Anthropic's Messages API.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Classification:Llm";

    public LlmApi Api { get; set; } = LlmApi.OpenAI;

    /// <summary>
    /// The API's base URL: for OpenAI-compatible endpoints up to and including <c>/v1</c>; for
    /// Anthropic the host (the SDK adds <c>/v1/messages</c>). Unset: the vendor's own.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Unset: <c>gpt-4o-mini</c> for OpenAI, <c>claude-haiku-4-5</c> for Anthropic.</summary>
    public string? Model { get; set; }

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

    public Uri ResolvedEndpoint => Endpoint ?? (Api == LlmApi.Anthropic ? new("https://api.anthropic.com") : new("https://api.openai.com/v1"));

    public string ResolvedModel => string.IsNullOrWhiteSpace(Model) ? (Api == LlmApi.Anthropic ? "claude-haiku-4-5" : "gpt-4o-mini") : Model;
}

public enum LlmApi
{
    /// <summary>The chat-completions wire format (<c>POST {Endpoint}/chat/completions</c>).</summary>
    OpenAI,

    /// <summary>Anthropic's Messages API (<c>POST {Endpoint}/v1/messages</c>), through the official SDK.</summary>
    Anthropic,
}
