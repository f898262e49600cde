using System.Runtime.CompilerServices;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Identity.Users;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Exports;

/// <summary>
/// The Users list as CSV, searched and sorted as the screen's grid is (<see cref="UserAdministration.Matching"/>): who
/// can sign in, with which role, for an access review. Never a password hash or a security stamp.
/// </summary>
public sealed class UserExport(IDbContextFactory<AdminIdentityDbContext> dbFactory, TimeProvider clock)
{
    public static readonly IReadOnlyList<CsvColumn<UserRow>> Columns =
    [
        CsvColumn.Text<UserRow>("E-mail", u => u.Email),
        CsvColumn.Text<UserRow>("Role", u => u.Role),
        CsvColumn.Text<UserRow>("Status", u => u.Status.ToString()),
        CsvColumn.Time<UserRow>("Locked until", u => u.Status == UserStatus.LockedOut ? u.LockedUntil : null),
        CsvColumn.Time<UserRow>("Created", u => u.CreatedAt),
    ];

    public IResult Download(UserQuery query, CancellationToken ct) => CsvExport.Result("users", Columns, RowsAsync(query, ct), clock, ct);

    private async IAsyncEnumerable<UserRow> RowsAsync(UserQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await foreach (var user in UserAdministration.Matching(db, query).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return user.ToRow(now);
        }
    }
}
