namespace Customer360.Domain.Hosting;

/// <summary>The state of a month's orchestration instance as the blob trigger sees it.</summary>
public enum MonthRunState
{
    None,
    Pending,
    Running,
    Finished,
}
