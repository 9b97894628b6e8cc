using System.Globalization;
using System.Text;

namespace Customer360.Domain.Classification.Evaluation;

/// <summary>The human summary of an evaluation, as <c>eval-classifier</c> prints it.</summary>
public static class EvaluationText
{
    public static string Render(EvaluationResult r, int confusions = 10)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Classifier: {r.Classifier}");
        text.AppendLine(c, $"Accuracy: {r.Accuracy:P1} ({r.Correct} of {r.Keywords} keywords)");
        text.AppendLine();
        text.AppendLine(c, $"{"genre",-14} {"labelled",8} {"predicted",9} {"correct",7} {"precision",9} {"recall",7}");
        foreach (var g in r.Genres)
        {
            text.AppendLine(c, $"{g.Genre,-14} {g.Labelled,8} {g.Predicted,9} {g.Correct,7} {Percent(g.Precision),9} {Percent(g.Recall),7}");
        }
        text.AppendLine();
        text.AppendLine(r.Confusions.Count == 0 ? "No confusions." : "Most common confusions (labelled → predicted):");
        foreach (var x in r.Confusions.Take(confusions))
        {
            text.AppendLine(c, $"  {x.Count,4}  {x.Labelled} → {x.Predicted}   e.g. {string.Join(", ", x.Examples.Select(e => "\"" + e + "\""))}");
        }
        text.AppendLine();
        var u = r.Usage;
        text.AppendLine(c, $"Requests: {u.Requests} (429s met: {u.RateLimited}, other retries: {u.Retries}), fallbacks: {u.Fallbacks}");
        text.AppendLine(c, $"Tokens: {u.InputTokens} in, {u.OutputTokens} out");
        text.AppendLine(c, $"Estimated cost at {r.Prices.Name} prices (USD {r.Prices.InputPerMillion} / 1M input, USD {r.Prices.OutputPerMillion} / 1M output tokens): USD {r.EstimatedCost:0.000000}");
        text.AppendLine(c, $"Time: {r.Seconds:F1} s");
        return text.ToString();
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "-";
}
