using System.CommandLine;
using Azure.Storage.Blobs;
using Customer360.Domain.Storage;

namespace Customer360.Cli.Commands;

/// <summary><c>watch --storage CONN --container NAME --out DIR</c>: run each month once its drops have gone quiet.</summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var options = new RunOptionSet();
        var quiet = new Option<double>("--quiet-seconds") { Description = "Run a month once no new or changed file arrived for this long.", DefaultValueFactory = _ => 60 };
        var poll = new Option<double>("--poll-seconds") { Description = "How often to list the container.", DefaultValueFactory = _ => 10 };
        var maxRuns = new Option<int?>("--max-runs") { Description = "Stop after this many runs (default: run until stopped)." };
        var command = new Command("watch", "Watch a blob container and run the months whose files arrive (the local blob trigger).") { quiet, poll, maxRuns };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (bound, error) = options.Bind(parse);
            if (bound is null || bound.StorageConnectionString is null)
            {
                await Console.Error.WriteLineAsync(error ?? "watch needs --storage and --container.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            var container = new BlobContainerClient(bound.StorageConnectionString, bound.Container);
            var watcher = new BlobDropWatcher(new AzureBlobStore(container), TimeSpan.FromSeconds(parse.GetValue(poll)), TimeSpan.FromSeconds(parse.GetValue(quiet)));
            int worst = ExitCodes.Success;
            Console.WriteLine($"Watching {container.Uri} (quiet period {parse.GetValue(quiet)}s); Ctrl+C to stop.");
            await watcher.WatchAsync(async (months, ct) =>
            {
                Console.WriteLine($"Running {string.Join(", ", months)}");
                int exit = await RunCommand.ExecuteAsync(bound with { Months = months }, parse.GetValue(options.Verbose), ct).ConfigureAwait(false);
                worst = Math.Max(worst, exit);
            }, parse.GetValue(maxRuns), cancellationToken).ConfigureAwait(false);
            return worst;
        });
        return command;
    }
}
