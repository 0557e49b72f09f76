using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Workflow.ServiceDefaults.Http;

/// <summary>A page of a list: its items and where it starts (<c>limit</c>, <c>offset</c>).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Limit, int Offset);

/// <summary>The <c>limit</c> and <c>offset</c> query parameters every list endpoint takes, checked the same way.</summary>
public readonly record struct Paging(int Limit, int Offset)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static (Paging Paging, ValidationProblem? Problem) Read(int? limit, int? offset) =>
        limit is < 1 or > MaxLimit ? (default, Invalid("limit", $"Between 1 and {MaxLimit}."))
        : offset is < 0 ? (default, Invalid("offset", "Not negative."))
        : (new Paging(limit ?? DefaultLimit, offset ?? 0), null);

    public Page<T> Of<T>(IReadOnlyList<T> items) => new(items, Limit, Offset);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The query is not valid");
}
