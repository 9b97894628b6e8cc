using System.Text.Json;

namespace Customer360.Domain.Hosting;

/// <summary>One activity call as the local host saw it (<see cref="InProcessFlowContext.Calls"/>): name, input and result payloads.</summary>
public sealed record RecordedActivityCall(string Name, JsonElement Input, JsonElement Result);
