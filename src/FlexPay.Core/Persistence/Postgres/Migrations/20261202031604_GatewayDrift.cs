using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexPay.Core.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class GatewayDrift : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Drift",
                table: "Gateways",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DriftDetectedAt",
                table: "Gateways",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Drift",
                table: "Gateways");

            migrationBuilder.DropColumn(
                name: "DriftDetectedAt",
                table: "Gateways");
        }
    }
}
