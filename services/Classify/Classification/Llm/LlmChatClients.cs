using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Workflow.Classify.Classification.Llm;

/// <summary>
/// The <see cref="IChatClient"/> for the configured API, from the vendor's own SDK, with the
/// configured timeout per request and retries on 408/429/5xx and connection failures, with
/// exponential backoff that honours the vendor's Retry-After.
/// </summary>
public static class LlmChatClients
{
    public static IChatClient For(LlmOptions options) => options.Api switch
    {
        LlmApi.OpenAI => OpenAiCompatible(options),
        LlmApi.Anthropic => Anthropic(options),
        _ => throw new InvalidOperationException($"{LlmOptions.Section}:Api '{options.Api}' is not one of {string.Join(", ", Enum.GetNames<LlmApi>())}."),
    };

    private static IChatClient OpenAiCompatible(LlmOptions options) =>
        new OpenAI.Chat.ChatClient(options.ResolvedModel, new ApiKeyCredential(options.ApiKey ?? "unused"), new OpenAIClientOptions
        {
            Endpoint = options.ResolvedEndpoint,
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        }).AsIChatClient();

    private static IChatClient Anthropic(LlmOptions options) =>
        new AnthropicClient
        {
            // The SDK would otherwise read ANTHROPIC_API_KEY from the environment; configuration is the one source here.
            ApiKey = options.ApiKey ?? "unused",
            BaseUrl = options.ResolvedEndpoint.ToString().TrimEnd('/'),
            Timeout = options.Timeout,
            MaxRetries = options.MaxRetries,
        }.AsIChatClient(options.ResolvedModel);
}
