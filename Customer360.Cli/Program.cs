using System.CommandLine;
using Customer360.Cli.Commands;

var root = new RootCommand("Customer 360: per-customer behavioural profiles from pay-TV content and search logs.")
{
    GenerateCommand.Create(),
    RunCommand.Create(),
    DemoCommand.Create(),
    ReportCommand.Create(),
    WatchCommand.Create(),
    EvalClassifierCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
