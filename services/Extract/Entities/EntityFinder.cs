using System.Globalization;
using System.Text.RegularExpressions;
using PhoneNumbers;
using Workflow.Contracts;

namespace Workflow.Extract.Entities;

/// <summary>
/// Finds entities in extracted text, each with its position. Phone numbers come from
/// libphonenumber (Google's rules for every country); the other patterns are written here, since
/// no served package recognises them (Microsoft.Recognizers.Text does not restore). Where two
/// findings overlap, the more specific wins (an IBAN is not also a phone number).
/// </summary>
public sealed partial class EntityFinder(string defaultRegion = "US", int maxEntities = 200)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private static readonly Dictionary<string, string> CurrencySymbols = new()
    {
        ["€"] = "EUR", ["$"] = "USD", ["£"] = "GBP", ["¥"] = "JPY",
    };

    public IReadOnlyList<ExtractedEntity> Find(string text)
    {
        var found = new List<ExtractedEntity>();
        Add(found, EmailPattern().Matches(text), m => new(EntityTypes.Email, m.Value, m.Value.ToLowerInvariant(), m.Index, m.Length));
        Add(found, UrlPattern().Matches(text), Url);
        Add(found, IbanPattern().Matches(text), IbanEntity);
        Add(found, InvoicePattern().Matches(text), m => Reference(EntityTypes.InvoiceNumber, m));
        Add(found, OrderPattern().Matches(text), m => Reference(EntityTypes.OrderNumber, m));
        Add(found, MoneyPattern().Matches(text), Money);
        Add(found, DatePattern().Matches(text), DateEntity);
        foreach (var phone in Phones.FindNumbers(text, defaultRegion))
        {
            Accept(found, new ExtractedEntity(EntityTypes.Phone, phone.RawString,
                Phones.Format(phone.Number, PhoneNumberFormat.E164), phone.Start, phone.RawString.Length));
        }

        return found.OrderBy(e => e.Start).Take(maxEntities).ToList();
    }

    private static void Add(List<ExtractedEntity> found, MatchCollection matches, Func<Match, ExtractedEntity?> entity)
    {
        foreach (Match match in matches)
        {
            if (entity(match) is { } e)
            {
                Accept(found, e);
            }
        }
    }

    private static void Accept(List<ExtractedEntity> found, ExtractedEntity entity)
    {
        if (!found.Any(f => f.Start < entity.Start + entity.Length && entity.Start < f.Start + f.Length))
        {
            found.Add(entity);
        }
    }

    private static ExtractedEntity? Url(Match m)
    {
        var value = m.Value.TrimEnd('.', ',', ';', ':', ')', '!', '?', '\'', '"');
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) ? new(EntityTypes.Url, value, uri.AbsoluteUri, m.Index, value.Length) : null;
    }

    private static ExtractedEntity? IbanEntity(Match m)
    {
        var compact = m.Value.Replace(" ", "", StringComparison.Ordinal);
        return Iban.IsValid(compact) ? new(EntityTypes.Iban, m.Value, compact, m.Index, m.Length) : null;
    }

    private static ExtractedEntity? Reference(string type, Match m)
    {
        var number = m.Groups["number"];
        return number.Value.Any(char.IsAsciiDigit) ? new(type, number.Value, number.Value.ToUpperInvariant(), number.Index, number.Length) : null;
    }

    private static ExtractedEntity? Money(Match m)
    {
        var currency = m.Groups["before"].Success ? m.Groups["before"].Value : m.Groups["after"].Value;
        currency = CurrencySymbols.GetValueOrDefault(currency, currency.ToUpperInvariant());
        return Amount(m.Groups["amount"].Value) is { } amount
            ? new(EntityTypes.Money, m.Value, $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}", m.Index, m.Length)
            : null;
    }

    /// <summary>
    /// An amount written the English way (1,234.50) or the continental way (1.234,50 or 1 234,50):
    /// a separator followed by one or two final digits is the decimal one; the others group thousands.
    /// </summary>
    private static decimal? Amount(string written)
    {
        var lastSeparator = written.LastIndexOfAny(['.', ',']);
        var decimals = lastSeparator >= 0 && written.Length - lastSeparator - 1 is 1 or 2;
        var whole = decimals ? written[..lastSeparator] : written;
        var digits = new string(whole.Where(char.IsAsciiDigit).ToArray()) + (decimals ? "." + written[(lastSeparator + 1)..] : "");
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "d.M.yyyy", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy",
    ];

    /// <summary>Day-first for numeric dates (31/12/2026, 31.12.2026), as in most of the world; ISO dates as they are.</summary>
    private static ExtractedEntity? DateEntity(Match m) =>
        DateOnly.TryParseExact(m.Value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
            ? new(EntityTypes.Date, m.Value, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Index, m.Length)
            : null;

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\bhttps?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"\b(?:invoice|inv\.|rechnung|facture)\s*(?:number|no\.?|nr\.?|#)?\s*[:#]?\s*(?<number>[A-Z0-9][A-Z0-9/-]{2,})", RegexOptions.IgnoreCase)]
    private static partial Regex InvoicePattern();

    [GeneratedRegex(@"\b(?:purchase order|order|PO)\s*(?:number|no\.?|nr\.?|#)?\s*[:#]?\s*(?<number>[A-Z0-9][A-Z0-9/-]{2,})", RegexOptions.IgnoreCase)]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"(?:(?<before>€|\$|£|¥|\b(?:EUR|USD|GBP|CHF|JPY)\b)\s?(?<amount>\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?))|(?:(?<amount>\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s?(?<after>€|\b(?:EUR|USD|GBP|CHF|JPY)\b))")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}, \d{4})\b")]
    private static partial Regex DatePattern();
}
