namespace CitizenParticipation.Core.Recipes;

/// <summary>Korean names for the people a demo recipe makes up (accounts without a password, anonymised signers).</summary>
public static class DemoNames
{
    private static readonly string[] FamilyNames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권"];
    private static readonly string[] GivenNames = ["민준", "서연", "도윤", "하은", "지호", "수아", "예준", "지우", "현우", "서윤", "은지", "태현", "유진", "성민"];

    public static string Next(Random random) => FamilyNames[random.Next(FamilyNames.Length)] + GivenNames[random.Next(GivenNames.Length)];
}
