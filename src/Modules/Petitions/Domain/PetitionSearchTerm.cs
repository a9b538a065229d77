namespace CitizenParticipation.Modules.Petitions.Domain;

/// <summary>
/// One entry of the petition search index: a petition's text holds this term (see <c>SearchTerms</c>).
/// The index is written for public petitions, whose text no longer changes, by <c>IndexPetitionSearch</c>.
/// </summary>
public sealed class PetitionSearchTerm
{
    /// <summary>Raised when what <c>SearchTerms</c> keeps changes: every petition is indexed again. Versions only grow.</summary>
    public const int Version = 1;

    public string Term { get; set; } = "";
    public int PetitionId { get; set; }
}
