using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexPay.Core.Persistence.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CertificationRunId",
                table: "Chains",
                type: "TEXT",
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

            if (migrationBuilder.IsSqlite())
            {
                // What runs made before the tag existed: a run's gateways are named CERT-{last 8 hex digits of its id}-…,
                // its chains have a cert- external id and were handed over for its company while it ran. Start-up then
                // disables the gateways those runs left enabled (CertificationRunner.InterruptUnfinishedAsync).
                migrationBuilder.Sql("""
                    UPDATE "Gateways" SET "CertificationRunId" = (
                        SELECT r."Id" FROM "CertificationRuns" r
                        WHERE "Gateways"."Name" LIKE 'CERT-' || upper(substr(r."Id", -8)) || '-%')
                    WHERE "Name" LIKE 'CERT-%';
                    """);
                migrationBuilder.Sql("""
                    UPDATE "Chains" SET "CertificationRunId" = (
                        SELECT r."Id" FROM "CertificationRuns" r
                        WHERE r."Company" = "Chains"."Company" AND r."CreatedAt" <= "Chains"."CreatedAt"
                        ORDER BY r."CreatedAt" DESC LIMIT 1)
                    WHERE "ExternalId" LIKE 'cert-%' AND "CustomerId" = 'certification';
                    """);
            }
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
