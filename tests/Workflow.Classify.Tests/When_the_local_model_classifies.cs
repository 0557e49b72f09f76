using Microsoft.ML;
using Microsoft.ML.Data;
using Workflow.Classify.Classification;
using Workflow.Classify.Classification.LocalModel;

namespace Workflow.Classify.Tests;

public sealed class When_the_local_model_classifies
{
    private static readonly LocalModelClassifier Model = LocalModelClassifier.Load(LocalModelOptions.ShippedModelPath);

    // Tickets written for this test, in the data set's style and in plain English (the model
    // removes stop words itself).
    [Theory]
    [InlineData("My laptop does not start, the screen stays black and the battery does not charge with the docking station.", Categories.Hardware)]
    [InlineData("I cannot log in since my password expired yesterday, please unlock my account and grant me access again.", Categories.Access)]
    [InlineData("Question about my annual leave balance and the holiday calendar for next year.", Categories.HrSupport)]
    [InlineData("Please order two new monitors for the team, the quote from the supplier is attached with the purchase order.", Categories.Purchase)]
    public void A_typical_ticket_gets_its_category(string text, string expected)
    {
        var result = Model.Classify(text);

        Assert.Equal(expected, result.Category);
    }

    [Fact]
    public void The_decision_names_the_model_version_and_explains_itself()
    {
        var result = Model.Classify("my laptop screen is broken and the keyboard does not work");

        Assert.StartsWith("local-model/tickets-", result.Classifier);
        Assert.InRange(result.Confidence, 0.2, 1.0);
        Assert.Contains(result.Category, result.Explanation);
        Assert.Contains("next", result.Explanation);
    }

    [Fact]
    public async Task Concurrent_documents_get_the_same_answers_as_one_at_a_time()
    {
        var texts = File.ReadLines(ModelCommand.Fixture("tickets-sample.csv")).Skip(1).Take(80).Select(l => l.Split(',')[0]).ToArray();
        var alone = texts.Select(t => Model.Classify(t).Category).ToArray();

        var together = await Task.WhenAll(texts.Select(t => Task.Run(() => Model.Classify(t).Category)));

        Assert.Equal(alone, together);
    }

    [Fact]
    public async Task A_document_is_scored_on_its_consumer_s_thread_without_handing_work_to_others()
    {
        var text = "my laptop screen is broken and the keyboard does not work";
        Model.Classify(text);
        var scheduler = new CountingScheduler();

        // Scored from a task on a scheduler that counts what it is handed: ML.NET's Parallel.For
        // would hand it the categories' work as more tasks.
        var result = await Task.Factory.StartNew(() => Model.Classify(text), CancellationToken.None, TaskCreationOptions.None, scheduler);

        Assert.Equal(Categories.Hardware, result.Category);
        Assert.Equal(1, scheduler.Queued);
    }

    /// <summary>Runs what it is handed on pool threads, counting it; as wide as a four-core machine.</summary>
    private sealed class CountingScheduler : TaskScheduler
    {
        private int _queued;

        public int Queued => _queued;

        public override int MaximumConcurrencyLevel => 4;

        protected override void QueueTask(Task task)
        {
            Interlocked.Increment(ref _queued);
            ThreadPool.UnsafeQueueUserWorkItem(_ => TryExecuteTask(task), null);
        }

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

        protected override IEnumerable<Task> GetScheduledTasks() => [];
    }

    [Fact]
    public void Copies_of_the_model_are_kept_for_the_next_documents_not_built_for_each()
    {
        var model = LocalModelClassifier.Load(LocalModelOptions.ShippedModelPath);
        const int atOnce = 16;

        // 16 documents scored at once (as a service's concurrent consumers do), then 16 more.
        for (var round = 0; round < 2; round++)
        {
            var copies = Enumerable.Range(0, atOnce).Select(_ => model.Lease()).ToList();
            copies.ForEach(c => c.Dispose());
        }

        // The second round reuses the first round's copies: building one costs more than scoring.
        Assert.Equal(atOnce, model.Copies);
    }

    [Fact]
    public void Dense_scoring_gives_the_whole_models_answer_and_probability()
    {
        // The classifier scores featurized text as a dense vector (LocalModelClassifier.ModelInstance);
        // ML.NET's own prediction engine over the saved model is the reference.
        var ml = new MLContext();
        var whole = ml.Model.CreatePredictionEngine<LabelledText, WholeModelPrediction>(ml.Model.Load(LocalModelOptions.ShippedModelPath, out _));
        var texts = File.ReadLines(ModelCommand.Fixture("tickets-sample.csv")).Skip(1).Take(200).Select(l => l.Split(',')[0]).ToArray();

        foreach (var text in texts)
        {
            var reference = whole.Predict(new LabelledText { Text = text });
            var result = Model.Classify(text);

            Assert.Equal(reference.Category, result.Category);
            Assert.Equal(Math.Round(reference.Probabilities.Max(), 3), result.Confidence, 3);
        }
    }

    private sealed class WholeModelPrediction
    {
        [ColumnName("PredictedLabel")]
        public string Category { get; set; } = "";

        [ColumnName("Score")]
        public float[] Probabilities { get; set; } = [];
    }

    [Fact]
    public async Task A_missing_model_falls_back_to_the_keyword_rules()
    {
        var chain = new FallbackClassifier([new UnavailableClassifier(), new KeywordClassifier()],
            Microsoft.Extensions.Logging.Abstractions.NullLogger<FallbackClassifier>.Instance);

        var result = await chain.ClassifyAsync("please reset my password", CancellationToken.None);

        Assert.Equal(Categories.Access, result.Category);
        Assert.StartsWith("keywords/", result.Classifier);
    }

    private sealed class UnavailableClassifier : IDocumentClassifier
    {
        public string Name => "broken/1";

        public ValueTask<Classification.Classification> ClassifyAsync(string text, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("model file is corrupt");
    }
}
