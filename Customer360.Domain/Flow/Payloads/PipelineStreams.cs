namespace Customer360.Domain.Flow;

[Flags]
public enum PipelineStreams
{
    None = 0,
    Content = 1,
    Search = 2,
    All = Content | Search,
}
