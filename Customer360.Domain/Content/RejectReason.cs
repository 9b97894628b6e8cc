namespace Customer360.Domain.Content;

/// <summary>Why a content line was rejected, in the order the checks run (DESIGN §4).</summary>
public enum RejectReason
{
    Malformed = 0,
    MissingField = 1,
    BadContract = 2,
    UnmappedApp = 3,
    BadDuration = 4,
    NonPositiveDuration = 5,

    /// <summary>Longer than <see cref="ContentLogScanner.MaxLineBytes"/>: skipped unread, checked before all others.</summary>
    LineTooLong = 6,
}

public static class RejectReasons
{
    public const int Count = 7;

    public static IReadOnlyList<RejectReason> InOrder { get; } =
    [
        RejectReason.LineTooLong, RejectReason.Malformed, RejectReason.MissingField, RejectReason.BadContract,
        RejectReason.UnmappedApp, RejectReason.BadDuration, RejectReason.NonPositiveDuration,
    ];

    /// <summary>The snake_case name used in the run report.</summary>
    public static string Name(RejectReason reason) => reason switch
    {
        RejectReason.LineTooLong => "line_too_long",
        RejectReason.Malformed => "malformed",
        RejectReason.MissingField => "missing_field",
        RejectReason.BadContract => "bad_contract",
        RejectReason.UnmappedApp => "unmapped_app",
        RejectReason.BadDuration => "bad_duration",
        RejectReason.NonPositiveDuration => "non_positive_duration",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
