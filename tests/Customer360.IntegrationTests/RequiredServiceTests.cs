namespace Customer360.IntegrationTests;

public class RequiredServiceTests
{
    [Fact]
    public void Missing_service_setting_fails_with_a_hint()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RequiredService.Get("C360_TEST_NOT_SET_" + Guid.NewGuid().ToString("N")));
        Assert.Contains("scripts/test.sh", error.Message, StringComparison.Ordinal);
    }
}
