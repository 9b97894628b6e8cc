namespace Customer360.Domain.Flow;

/// <summary>The activity names the flow calls; the Azure host registers a [Function] under each.</summary>
public static class ActivityNames
{
    public const string PlanRun = nameof(PlanRun);
    public const string MapContentFile = nameof(MapContentFile);
    public const string ReduceContentShard = nameof(ReduceContentShard);
    public const string LoadContent = nameof(LoadContent);
    public const string MapSearchFile = nameof(MapSearchFile);
    public const string ReduceSearchShard = nameof(ReduceSearchShard);
    public const string PlanClassification = nameof(PlanClassification);
    public const string ClassifyBatch = nameof(ClassifyBatch);
    public const string LoadSearch = nameof(LoadSearch);
    public const string LoadIdentityMap = nameof(LoadIdentityMap);
    public const string LoadCustomer360 = nameof(LoadCustomer360);
    public const string WriteRunReport = nameof(WriteRunReport);
    public const string WriteHtmlReport = nameof(WriteHtmlReport);
    public const string CleanupRun = nameof(CleanupRun);
    public const string RecordRunFailure = nameof(RecordRunFailure);

    /// <summary>Every name above (read from the constants, so a new activity is in it the moment it is declared).</summary>
    public static IReadOnlyList<string> All { get; } = [.. typeof(ActivityNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];
}
