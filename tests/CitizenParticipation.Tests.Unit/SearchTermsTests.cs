using CitizenParticipation.Core.Text;

namespace CitizenParticipation.Tests.Unit;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("버스", new[] { "버스" })]
    [InlineData("마을버스가!", new[] { "마을", "을버", "버스", "스가" })]
    [InlineData("Night BUS 24", new[] { "ni", "ig", "gh", "ht", "bu", "us", "24" })]
    [InlineData("버 스", new string[0])]
    [InlineData("", new string[0])]
    public void Terms_are_the_pairs_of_adjacent_letters_or_digits_in_lower_case(string text, string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), SearchTerms.Of(text).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("영종도 응급실을 갖춘 종합병원을 유치해 주세요", "응급실")]
    [InlineData("송도~부평~서울 광역버스", "부평~서울")]
    [InlineData("마을버스가 늦게 와요", "을버스")]
    [InlineData("𝐀𝐁 plane two", "𝐀𝐁")]
    public void A_text_holds_every_term_of_a_query_it_contains(string text, string query)
    {
        Assert.Contains(query, text, StringComparison.Ordinal);
        Assert.Subset(SearchTerms.Of(text).ToHashSet(), SearchTerms.Of(query).ToHashSet());
        Assert.All(SearchTerms.Of(text), t => Assert.True(t.Length <= SearchTerms.MaxLength));
    }
}
