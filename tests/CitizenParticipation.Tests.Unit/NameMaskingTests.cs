using CitizenParticipation.Core.Text;

namespace CitizenParticipation.Tests.Unit;

public sealed class NameMaskingTests
{
    [Theory]
    [InlineData("김철수", "김*수")]
    [InlineData("이수", "이*")]
    [InlineData("남궁민수", "남**수")]
    [InlineData(" 박영희 ", "박*희")]
    [InlineData("김", "김*")]
    [InlineData("", "*")]
    [InlineData(null, "*")]
    public void Names_are_masked_as_Korean_public_sites_do(string? name, string expected)
    {
        Assert.Equal(expected, NameMasking.Mask(name));
    }
}
