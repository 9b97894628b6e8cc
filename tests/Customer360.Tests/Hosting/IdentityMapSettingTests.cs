using System.CommandLine;
using Customer360.Cli.Commands;
using Customer360.Domain.Hosting;

namespace Customer360.Tests.Hosting;

/// <summary><c>C360_IDENTITY_MAP</c> is one setting of the one model: the app setting in Azure, <c>--identity-map</c> (or the variable) in the CLI.</summary>
public class IdentityMapSettingTests
{
    private static PipelineSettings Bind(params (string Name, string Value)[] values)
    {
        var settings = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return PipelineSettings.Bind(SettingSource.FromAppSettings(settings.GetValueOrDefault));
    }

    [Fact]
    public void Unset_or_empty_means_no_identity_map()
    {
        Assert.Null(Bind().IdentityMap);
        Assert.Null(Bind((AppSettingNames.IdentityMap, " ")).IdentityMap);
    }

    [Fact]
    public void A_csv_name_is_taken_and_anything_else_stops_the_run_naming_the_setting()
    {
        Assert.Equal("maps/identity_map.csv", Bind((AppSettingNames.IdentityMap, "maps/identity_map.csv")).IdentityMap);
        var error = Assert.Throws<SettingsException>(() => Bind((AppSettingNames.IdentityMap, "identity_map.json")));
        Assert.Equal(["C360_IDENTITY_MAP: 'identity_map.json' is not a .csv file; allowed: a CSV with a contract,user_id header, or empty for none."], error.Errors);
        Assert.Throws<SettingsException>(() => new PipelineSettings { IdentityMap = "x.txt" }.Validate());
    }

    [Fact]
    public void The_cli_flag_and_the_variable_bind_to_the_same_setting()
    {
        var set = new RunOptionSet();
        var command = new Command("run");
        set.AddTo(command);
        var root = new RootCommand { command };
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { [AppSettingNames.IdentityMap] = "env.csv" };

        Assert.Equal("flag.csv", set.Bind(root.Parse("run --content c --out o --identity-map flag.csv"), env.GetValueOrDefault).Options!.Settings.IdentityMap);
        Assert.Equal("env.csv", set.Bind(root.Parse("run --content c --out o"), env.GetValueOrDefault).Options!.Settings.IdentityMap);
        var (_, error) = set.Bind(root.Parse("run --content c --out o --identity-map map.tsv"), env.GetValueOrDefault);
        // Named as the user wrote it (the flag), like every other setting.
        Assert.Contains("--identity-map: 'map.tsv' is not a .csv file", error, StringComparison.Ordinal);
    }
}
