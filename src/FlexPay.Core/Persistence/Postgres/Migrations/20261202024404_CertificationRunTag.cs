using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexPay.Core.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CertificationRunTag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CertificationRunId",
                table: "Gateways",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CertificationRunId",
                table: "Chains",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Gateways_CertificationRunId",
                table: "Gateways",
                column: "CertificationRunId",
                filter: "\"CertificationRunId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Chains_CertificationRunId",
                table: "Chains",
                column: "CertificationRunId",
                filter: "\"CertificationRunId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Gateways_CertificationRunId",
                table: "Gateways");

            migrationBuilder.DropIndex(
                name: "IX_Chains_CertificationRunId",
                table: "Chains");

            migrationBuilder.DropColumn(
                name: "CertificationRunId",
                table: "Gateways");

            migrationBuilder.DropColumn(
                name: "CertificationRunId",
                table: "Chains");
        }
    }
}
