using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexPay.Core.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WebhookDriftAndTries : Migration
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

            migrationBuilder.CreateTable(
                name: "WebhookDeliveryTries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DurationMs = table.Column<double>(type: "double precision", nullable: false),
                    Response = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveryTries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveryTries_WebhookDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "WebhookDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveryTries_DeliveryId_Number",
                table: "WebhookDeliveryTries",
                columns: new[] { "DeliveryId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WebhookDeliveryTries");

            migrationBuilder.DropColumn(
                name: "Drift",
                table: "Gateways");

            migrationBuilder.DropColumn(
                name: "DriftDetectedAt",
                table: "Gateways");
        }
    }
}
