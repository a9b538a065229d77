namespace CitizenParticipation.Core.Text;

public static class NameMasking
{
    /// <summary>
    /// Masks a name as Korean public sites do: the first and last characters stay, the middle ones
    /// become <c>*</c> ("김철수" → "김*수", "이수" → "이*", "남궁민수" → "남**수").
    /// </summary>
    public static string Mask(string? name)
    {
        var trimmed = (name ?? "").Trim();
        var chars = System.Globalization.StringInfo.ParseCombiningCharacters(trimmed);
        var length = chars.Length;
        if (length == 0)
        {
            return "*";
        }

        var info = new System.Globalization.StringInfo(trimmed);
        if (length == 1)
        {
            return trimmed + "*";
        }

        if (length == 2)
        {
            return info.SubstringByTextElements(0, 1) + "*";
        }

        return info.SubstringByTextElements(0, 1) + new string('*', length - 2) + info.SubstringByTextElements(length - 1, 1);
    }
}
