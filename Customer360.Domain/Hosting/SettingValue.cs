namespace Customer360.Domain.Hosting;

/// <summary>A setting's raw text and where it came from (<c>--shards</c>, <c>C360_SHARDS</c>), so an error names what the user wrote.</summary>
public sealed record SettingValue(string Raw, string Origin);
