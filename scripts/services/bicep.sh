# The Bicep CLI for the infra tests, from the NuGet package Azure.Bicep.CommandLine.linux-x64 (the only
# offline source of it here). Exports C360_TEST_BICEP.

BICEP_VERSION=0.49.2

bicep_up() {
  local dir="$C360_SVC_DIR/bicep"
  local packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  local binary="$packages/azure.bicep.commandline.linux-x64/$BICEP_VERSION/tools/bicep"
  if [ ! -f "$binary" ]; then
    echo "restoring Azure.Bicep.CommandLine.linux-x64 $BICEP_VERSION from NuGet"
    # A throwaway project outside the repository (no Directory.*.props) that only downloads the package.
    local scratch; scratch=$(mktemp -d)
    cat > "$scratch/bicep.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$BICEP_VERSION]" /></ItemGroup>
</Project>
PROJ
    dotnet restore "$scratch/bicep.csproj" >/dev/null
    rm -rf "$scratch"
  fi
  [ -f "$binary" ] || binary=$(find "$packages/azure.bicep.commandline.linux-x64/$BICEP_VERSION" -type f -name bicep | head -1)
  mkdir -p "$dir"
  cp "$binary" "$dir/bicep" && chmod +x "$dir/bicep"
  export C360_TEST_BICEP="$dir/bicep"
  echo "bicep: $("$C360_TEST_BICEP" --version)"
}

bicep_down() { :; }
