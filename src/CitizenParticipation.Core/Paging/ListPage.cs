using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Core.Paging;

public enum SortDirection { Asc, Desc }

/// <summary>Where a list is: its page (clamped to the pages there are), how many pages and rows in all.</summary>
public sealed record ListPage(int Number, int Count, int Total)
{
    /// <summary>Rows on a page of every admin list.</summary>
    public const int Size = 50;
}

/// <summary>The column a list is sorted by (a name the list's handler understands) and which way.</summary>
public sealed record ListSort(string Column, SortDirection Direction)
{
    public bool Descending => Direction == SortDirection.Desc;
}

public static class ListPaging
{
    /// <summary>
    /// Counts the rows, clamps the asked-for page to the pages there are and reads that page: one query for the
    /// count and one for the rows. <paramref name="ordered"/> must be ordered completely (ties broken by a key).
    /// </summary>
    public static async Task<(List<T> Rows, ListPage Page)> ToListPageAsync<T>(this IQueryable<T> ordered, int requested, CancellationToken cancellationToken)
    {
        var page = Clamp(requested, await ordered.CountAsync(cancellationToken));
        var rows = await ordered.Skip((page.Number - 1) * ListPage.Size).Take(ListPage.Size).ToListAsync(cancellationToken);
        return (rows, page);
    }

    /// <summary>
    /// The same for rows already in memory: a list put together from more than one module (names from the Users
    /// module, say), which no single query can filter and order.
    /// </summary>
    public static (List<T> Rows, ListPage Page) ToListPage<T>(this IReadOnlyCollection<T> ordered, int requested)
    {
        var page = Clamp(requested, ordered.Count);
        return (ordered.Skip((page.Number - 1) * ListPage.Size).Take(ListPage.Size).ToList(), page);
    }

    private static ListPage Clamp(int requested, int total)
    {
        var count = Math.Max(1, (total + ListPage.Size - 1) / ListPage.Size);
        return new ListPage(Math.Clamp(requested, 1, count), count, total);
    }

    /// <summary>Orders by <paramref name="key"/> in the list's direction.</summary>
    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, TKey>> key, ListSort sort) =>
        sort.Descending ? query.OrderByDescending(key) : query.OrderBy(key);

    /// <summary>The same for rows in memory (see <see cref="ToListPage{T}"/>).</summary>
    public static IOrderedEnumerable<T> OrderBy<T, TKey>(this IEnumerable<T> rows, Func<T, TKey> key, ListSort sort) =>
        sort.Descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    /// <summary>Breaks ties by <paramref name="key"/> in the list's direction.</summary>
    public static IOrderedQueryable<T> ThenBy<T, TKey>(this IOrderedQueryable<T> query, System.Linq.Expressions.Expression<Func<T, TKey>> key, ListSort sort) =>
        sort.Descending ? query.ThenByDescending(key) : query.ThenBy(key);
}
