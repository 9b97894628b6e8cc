using System.Text;
using Customer360.Domain.Content;

namespace Customer360.Tests.Content;

public class DeviceKeysTests
{
    private static string RandomDevice(Random random)
    {
        const string hex = "0123456789ABCDEF";
        var digits = new string(Enumerable.Range(0, random.Next(10) == 0 ? random.Next(1, 20) : 12).Select(_ => hex[random.Next(4)]).ToArray());
        return random.Next(8) switch
        {
            0 => digits.ToLowerInvariant(), // not what normalisation gives, but a device id all the same
            1 => digits[..^1] + "G",
            2 => digits + "é",
            _ => digits,
        };
    }

    [Fact]
    public void Two_devices_have_the_same_key_exactly_when_their_bytes_are_equal_and_the_key_gives_the_bytes_back()
    {
        var random = new Random(7);
        var keys = new DeviceKeys();
        var seen = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var owners = new Dictionary<ulong, string>();
        for (int i = 0; i < 50_000; i++)
        {
            var device = RandomDevice(random);
            // Both ways in: as the parsers give it (chars) and as a partial holds it (UTF-8).
            ulong key = random.Next(2) == 0 ? keys.KeyOf(device.AsSpan()) : keys.KeyOf(Encoding.UTF8.GetBytes(device).AsSpan());
            Assert.NotEqual(0UL, key);
            if (seen.TryGetValue(device, out ulong earlier))
            {
                Assert.Equal(earlier, key);
            }
            else
            {
                Assert.True(owners.TryAdd(key, device), $"'{device}' got the key of '{(owners.TryGetValue(key, out var o) ? o : "")}'");
                seen[device] = key;
            }
            Assert.Equal(device, keys.StringOf(key));
        }
    }
}
