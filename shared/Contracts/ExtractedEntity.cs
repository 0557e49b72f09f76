namespace Workflow.Contracts;

/// <summary>
/// Something found in a document's text, with where it is.
/// <see cref="Type"/> is one of <see cref="EntityTypes"/>; <see cref="Value"/> is the text as
/// written; <see cref="Normalized"/> a canonical form where one exists (an IBAN without spaces,
/// a phone number in E.164, an amount as <c>1234.50 EUR</c>, a date as <c>2026-11-23</c>).
/// </summary>
public sealed record ExtractedEntity(string Type, string Value, string? Normalized, int Start, int Length);

public static class EntityTypes
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Url = "url";
    public const string Money = "money";
    public const string Date = "date";
    public const string Iban = "iban";
    public const string InvoiceNumber = "invoice-number";
    public const string OrderNumber = "order-number";
}
