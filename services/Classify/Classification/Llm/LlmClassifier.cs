using System.Text.Json;
using Microsoft.Extensions.AI;
using NJsonSchema;

namespace Workflow.Classify.Classification.Llm;

/// <summary>
/// Asks a language model (any <see cref="IChatClient"/>; an OpenAI-compatible endpoint or
/// Anthropic by configuration, <see cref="LlmChatClients"/>) for a category, a confidence and
/// an explanation. An invalid answer is asked for once more, with what was wrong; a second
/// invalid answer fails the provider, and the next one in <c>Classification:Providers</c>
/// decides. Tokens and cost are recorded with the decision.
/// </summary>
public sealed class LlmClassifier : IDocumentClassifier
{
    public const string ProviderName = "llm";
    private const int Answers = 2;

    private readonly IChatClient _chat;
    private readonly LlmOptions _options;
    private readonly JsonElement _schema;
    private readonly ILogger<LlmClassifier> _logger;
    private JsonSchema? _validator;

    public LlmClassifier(IChatClient chat, LlmOptions options, ILogger<LlmClassifier> logger)
    {
        _chat = chat;
        _options = options;
        _logger = logger;
        _schema = LlmAnswer.Schema(options.Categories);
    }

    public string Name => $"{ProviderName}/{_options.ResolvedModel}";

    public async ValueTask<Classification> ClassifyAsync(string text, CancellationToken cancellationToken)
    {
        _validator ??= await JsonSchema.FromJsonAsync(_schema.GetRawText(), cancellationToken);
        var messages = LlmPrompt.For(text, _options);
        var chatOptions = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(_schema, "classification", "A document's category, confidence and explanation."),
            Temperature = 0,
            MaxOutputTokens = 300,
        };
        long input = 0, output = 0;
        string? problem = null;
        for (var attempt = 1; attempt <= Answers; attempt++)
        {
            var response = await _chat.GetResponseAsync(messages, chatOptions, cancellationToken);
            input += response.Usage?.InputTokenCount ?? 0;
            output += response.Usage?.OutputTokenCount ?? 0;
            (var answer, problem) = LlmAnswer.Parse(response.Text, _validator);
            if (answer is not null)
            {
                return new Classification(answer.Category, answer.Confidence, Name, answer.Explanation, Usage(input, output));
            }

            _logger.LogWarning("{Classifier} gave an invalid answer ({Attempt} of {Answers}): {Problem}", Name, attempt, Answers, problem);
            messages.AddRange(response.Messages);
            messages.Add(new ChatMessage(ChatRole.User,
                $"That answer is invalid: {problem}. Answer again with only the JSON object, category from the list."));
        }

        throw new InvalidLlmAnswerException($"{Name} gave no valid answer in {Answers} tries; the last was {problem}.");
    }

    private TokenUsage Usage(long input, long output) => new(
        (int)input, (int)output,
        _options.InputUsdPerMillionTokens == 0 && _options.OutputUsdPerMillionTokens == 0
            ? null
            : Math.Round((input * _options.InputUsdPerMillionTokens + output * _options.OutputUsdPerMillionTokens) / 1_000_000m, 6, MidpointRounding.AwayFromZero));
}

public sealed class InvalidLlmAnswerException(string message) : Exception(message);
