namespace Workflow.Route.Tests;

/// <summary>Rules files as an operator would write them.</summary>
public static class RuleFiles
{
    public const string Valid = """
        // Comments are allowed.
        {
          "version": "v7",
          "defaultDepartment": "Service Desk",
          "review": { "belowConfidence": 0.4, "deadline": "0.02:00:00", "fallbackDepartment": "Triage" },
          "rules": [
            { "id": "big-invoice", "department": "Finance", "review": true,
              "when": { "category": ["Purchase"], "amountAtLeast": 10000, "currency": "EUR" } },
            { "id": "partner-mail", "department": "Partner Desk",
              "when": { "source": ["email"], "senderDomain": ["partner.example"] } },
            { "id": "bank-details", "department": "Finance", "when": { "hasEntity": ["iban"] } },
            { "id": "confident-hardware", "department": "IT Operations",
              "when": { "category": ["Hardware"], "minConfidence": 0.7 } },
            { "id": "any-hardware", "department": "Hardware Triage", "reviewBelowConfidence": 0.2,
              "when": { "category": ["hardware"] } },
            { "id": "purchases", "department": "Procurement", "when": { "category": ["Purchase"] } },
          ]
        }
        """;

    public static string Write(string json)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("route-rules-").FullName, "rules.json");
        File.WriteAllText(path, json);
        return path;
    }
}
