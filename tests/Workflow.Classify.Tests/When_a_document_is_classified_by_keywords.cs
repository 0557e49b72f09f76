using Workflow.Classify.Classification;

namespace Workflow.Classify.Tests;

public sealed class When_a_document_is_classified_by_keywords
{
    private readonly KeywordClassifier _classifier = new();

    [Theory]
    [InlineData("my laptop screen flickers and the docking station does not charge the battery", Categories.Hardware)]
    [InlineData("please reset my password, my account is locked after the vpn login", Categories.Access)]
    [InlineData("question about my salary and holiday leave balance", Categories.HrSupport)]
    [InlineData("the shared drive folder is full, we need more storage quota", Categories.Storage)]
    [InlineData("please raise a purchase order for the vendor quote attached", Categories.Purchase)]
    [InlineData("need administrator rights to install the compiler", Categories.AdministrativeRights)]
    public void The_category_with_the_most_telling_words_wins(string text, string expected)
    {
        var result = _classifier.Classify(text);

        Assert.Equal(expected, result.Category);
        Assert.InRange(result.Confidence, 0.3, 1.0);
        Assert.Equal(_classifier.Name, result.Classifier);
    }

    [Fact]
    public void The_explanation_names_the_words_that_decided()
    {
        var result = _classifier.Classify("The PRINTER and the monitor are broken.");

        Assert.Equal("Matched monitor, printer.", result.Explanation);
    }

    [Fact]
    public void Text_without_any_telling_word_is_miscellaneous_with_low_confidence()
    {
        var result = _classifier.Classify("good morning, see you tomorrow");

        Assert.Equal(Categories.Miscellaneous, result.Category);
        Assert.True(result.Confidence < 0.3);
    }

    [Fact]
    public void Mixed_signals_lower_the_confidence()
    {
        var clear = _classifier.Classify("printer monitor keyboard");
        var mixed = _classifier.Classify("printer monitor password account");

        Assert.True(mixed.Confidence < clear.Confidence, $"{mixed.Confidence} should be below {clear.Confidence}");
    }
}
