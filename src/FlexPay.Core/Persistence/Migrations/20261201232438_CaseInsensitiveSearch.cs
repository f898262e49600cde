using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexPay.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseInsensitiveSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The recoveries search is a case-insensitive prefix (LIKE 'abc%'), which SQLite reads from an index only when
            // the index uses the NOCASE collation. EF Core cannot model an index's collation, so these are not in the model
            // snapshot: a table rebuild by a later migration drops them (docs/decisions/012, as 007).
            foreach (var (table, column) in SearchedColumns)
            {
                migrationBuilder.Sql($"""CREATE INDEX "IX_{table}_{column}_NoCase" ON "{table}" ("{column}" COLLATE NOCASE);""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in SearchedColumns)
            {
                migrationBuilder.Sql($"""DROP INDEX "IX_{table}_{column}_NoCase";""");
            }
        }

        private static readonly (string Table, string Column)[] SearchedColumns =
        [
            ("Chains", "OrderId"), ("Chains", "CustomerId"), ("Chains", "ExternalId"), ("Chains", "Email"),
            ("Attempts", "MerchantTransactionId"), ("Attempts", "TransactionId"),
        ];
    }
}
