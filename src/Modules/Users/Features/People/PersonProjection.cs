using System.Linq.Expressions;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;

namespace CitizenParticipation.Modules.Users.Features.People;

/// <summary>The accounts that are people (not deleted), as the other modules see them.</summary>
internal static class PersonProjection
{
    private static readonly Expression<Func<User, Person>> AsPerson =
        u => new Person(u.Id, u.DisplayName, u.RegionId, User.LevelOf(u.ResidentVerified, u.EmailConfirmed), u.PreferredCulture);

    public static IQueryable<Person> People(this IQueryable<User> users) => users.Where(u => u.DeletedAt == null).Select(AsPerson);
}
