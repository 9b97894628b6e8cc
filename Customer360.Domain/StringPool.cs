namespace Customer360.Domain;

/// <summary>
/// One string per distinct value: for values that repeat across millions of rows (a user in each of its months, a
/// keyword in every row that has it, a genre), so each costs its memory once, not once per row.
/// </summary>
public sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public StringPool()
    {
        _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pool's string of this value, made from the span only the first time it is seen.</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (!_bySpan.TryGetValue(value, out var pooled))
        {
            _strings.Add(pooled = new string(value));
        }
        return pooled;
    }

    /// <summary>The pool's string of this value; the value itself the first time it is seen.</summary>
    public string Get(string value)
    {
        if (!_strings.TryGetValue(value, out var pooled))
        {
            _strings.Add(pooled = value);
        }
        return pooled;
    }
}
