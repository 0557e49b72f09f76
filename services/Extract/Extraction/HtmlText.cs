using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Workflow.Extract.Extraction;

/// <summary>
/// The readable text of an HTML page (AngleSharp's HTML5 parser): scripts, styles and other
/// non-content elements are dropped, and block elements start new lines.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "head", "svg" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section", "article", "header", "footer", "blockquote", "pre", "hr", "title",
    };

    public static bool LooksLikeHtml(string start)
    {
        var head = start.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith('<') && (head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<p>", StringComparison.OrdinalIgnoreCase)));
    }

    public static string Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        if (document.Title is { Length: > 0 } title)
        {
            text.AppendLine(title.Trim());
        }

        Append(document.Body ?? (INode)document.DocumentElement, text);
        return Tidy(text.ToString());
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when Skipped.Contains(e.LocalName):
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.LocalName);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    Append(e, text);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    break;
            }
        }
    }

    /// <summary>Runs of spaces become one space; blank lines collapse.</summary>
    private static string Tidy(string text) =>
        string.Join('\n', text.Split('\n')
            .Select(line => string.Join(' ', line.Split([' ', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0));
}
