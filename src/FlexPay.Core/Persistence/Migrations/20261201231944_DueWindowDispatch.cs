using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexPay.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DueWindowDispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Attempts_Status",
                table: "Attempts");

            migrationBuilder.AddColumn<long>(
                name: "NextCheckAt",
                table: "Attempts",
                type: "INTEGER",
                nullable: true);

            // Unknown outcomes from before this column: check each at once (tick 0 is long overdue).
            migrationBuilder.Sql("UPDATE Attempts SET NextCheckAt = 0 WHERE Status = 'OutcomeUnknown';");

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_Status_DueAt",
                table: "Attempts",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_Status_NextCheckAt",
                table: "Attempts",
                columns: new[] { "Status", "NextCheckAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Attempts_Status_DueAt",
                table: "Attempts");

            migrationBuilder.DropIndex(
                name: "IX_Attempts_Status_NextCheckAt",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "NextCheckAt",
                table: "Attempts");

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_Status",
                table: "Attempts",
                column: "Status");
        }
    }
}
