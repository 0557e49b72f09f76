using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace Workflow.Classify.Classification.Llm;

/// <summary>A model's answer, accepted only when it is valid against the schema (which lists the allowed categories).</summary>
public sealed record LlmAnswer(string Category, double Confidence, string Explanation)
{
    private const int MaxExplanation = 300;

    /// <summary>The JSON schema the answer must match, also sent to the model as its response format.</summary>
    public static JsonElement Schema(IReadOnlyList<string> categories) => JsonSerializer.SerializeToElement(new JsonObject
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["category"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. categories.Select(c => (JsonNode)c)]) },
            ["confidence"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
            ["explanation"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = MaxExplanation },
        },
        ["required"] = new JsonArray("category", "confidence", "explanation"),
        ["additionalProperties"] = false,
    });

    /// <returns>The answer, or null with what is wrong with it.</returns>
    public static (LlmAnswer? Answer, string? Problem) Parse(string? text, JsonSchema validator)
    {
        var json = Unfenced(text ?? "");
        JsonElement answer;
        try
        {
            answer = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException e)
        {
            return (null, $"not JSON ({e.Message})");
        }

        var errors = validator.Validate(json);
        if (errors.Count > 0)
        {
            return (null, "not valid against the schema: " + string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}")));
        }

        return (new LlmAnswer(
            answer.GetProperty("category").GetString()!, answer.GetProperty("confidence").GetDouble(),
            answer.GetProperty("explanation").GetString()!.Trim()), null);
    }

    /// <summary>Some models wrap JSON in a Markdown code fence even when asked not to.</summary>
    private static string Unfenced(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var start = trimmed.IndexOf('\n');
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? trimmed[(start + 1)..end].Trim() : trimmed;
    }
}
