using Workflow.Contracts;
using Workflow.Extract.Entities;

namespace Workflow.Extract.Tests;

public sealed class When_entities_are_found
{
    private readonly EntityFinder _finder = new("DE");

    [Fact]
    public void Each_kind_is_found_with_its_position_and_normal_form()
    {
        const string text = "Invoice No. INV-2026-0117 for order #PO-88231, due 15.12.2026. " +
            "Total 1.234,50 EUR or $99.99. Pay to DE89 3704 0044 0532 0130 00. " +
            "Questions: billing@supplier.example, +49 30 901820, https://supplier.example/invoices/117.";

        var entities = _finder.Find(text);

        AssertFound(entities, text, EntityTypes.InvoiceNumber, "INV-2026-0117", "INV-2026-0117");
        AssertFound(entities, text, EntityTypes.OrderNumber, "PO-88231", "PO-88231");
        AssertFound(entities, text, EntityTypes.Date, "15.12.2026", "2026-12-15");
        AssertFound(entities, text, EntityTypes.Money, "1.234,50 EUR", "1234.50 EUR");
        AssertFound(entities, text, EntityTypes.Money, "$99.99", "99.99 USD");
        AssertFound(entities, text, EntityTypes.Iban, "DE89 3704 0044 0532 0130 00", "DE89370400440532013000");
        AssertFound(entities, text, EntityTypes.Email, "billing@supplier.example", "billing@supplier.example");
        AssertFound(entities, text, EntityTypes.Phone, "+49 30 901820", "+4930901820");
        AssertFound(entities, text, EntityTypes.Url, "https://supplier.example/invoices/117", "https://supplier.example/invoices/117");
        // The IBAN's digits are not also a phone number, the invoice number's not also a date.
        Assert.Equal(9, entities.Count);
    }

    [Fact]
    public void An_iban_with_a_wrong_check_digit_is_not_an_iban()
    {
        var entities = _finder.Find("Account DE88 3704 0044 0532 0130 00 please.");

        Assert.DoesNotContain(entities, e => e.Type == EntityTypes.Iban);
    }

    [Theory]
    [InlineData("Amount: 1,234.50 USD", "1234.50 USD")]
    [InlineData("Betrag 1 234,50 €", "1234.50 EUR")]
    [InlineData("£12", "12.00 GBP")]
    public void Amounts_are_read_in_the_way_they_are_written(string text, string normalized)
    {
        Assert.Contains(_finder.Find(text), e => e.Type == EntityTypes.Money && e.Normalized == normalized);
    }

    [Fact]
    public void A_text_without_entities_gives_none()
    {
        Assert.Empty(_finder.Find("my laptop screen flickers"));
    }

    private static void AssertFound(IReadOnlyList<ExtractedEntity> entities, string text, string type, string value, string normalized)
    {
        var entity = Assert.Single(entities, e => e.Type == type && e.Value == value);
        Assert.Equal(normalized, entity.Normalized);
        Assert.Equal(value, text.Substring(entity.Start, entity.Length));
    }
}
