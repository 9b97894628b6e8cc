using Customer360.Domain.Content;

namespace Customer360.Tests.Content;

/// <summary>The pool is process-wide and the load steps other tests run release it: these tests run alone.</summary>
[Collection(Name)]
public class TablePoolTests
{
    public const string Name = "table pool";

    [Fact]
    public void Rents_a_power_of_two_at_least_as_long_and_reuses_what_is_given_back()
    {
        TablePool.Release(); // whatever the tests before left, the pool may be full
        var first = TablePool.Rent<short>((1 << 21) + 3);
        Assert.Equal(1 << 22, first.Length);
        TablePool.Return(first);
        Assert.Same(first, TablePool.Rent<short>((1 << 21) + 3));
    }

    [Fact]
    public void Keeps_at_most_its_bound_and_lets_everything_go_on_release()
    {
        TablePool.Release();
        // Uninitialised and never written: these reserve address space, not memory.
        const int Length = 1 << 26;
        int fit = (int)(TablePool.MaxKeptBytes / Length);
        var rented = Enumerable.Range(0, fit + 2).Select(_ => TablePool.Rent<byte>(Length)).ToList();
        foreach (var array in rented)
        {
            TablePool.Return(array);
        }
        Assert.Equal(TablePool.MaxKeptBytes, TablePool.KeptBytes);
        var again = Enumerable.Range(0, fit + 2).Select(_ => TablePool.Rent<byte>(Length)).ToList();
        Assert.Equal(fit, again.Count(a => rented.Contains(a)));
        Assert.Equal(0, TablePool.KeptBytes);

        TablePool.Return(again[0]);
        TablePool.Release();
        Assert.Equal(0, TablePool.KeptBytes);
        var afterRelease = TablePool.Rent<byte>(Length);
        Assert.DoesNotContain(again, a => ReferenceEquals(a, afterRelease));
    }
}

[CollectionDefinition(TablePoolTests.Name, DisableParallelization = true)]
public sealed class TablePoolRunsAlone;
