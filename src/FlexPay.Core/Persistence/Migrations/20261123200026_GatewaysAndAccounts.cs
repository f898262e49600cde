using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexPay.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class GatewaysAndAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FlexPayAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProtectedApiKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    KeyHint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlexPayAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Gateways",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GatewayType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MerchantAccountReferenceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CurrencyCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AcceptedCurrencyCodes = table.Column<string>(type: "TEXT", nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptRetries = table.Column<bool>(type: "INTEGER", nullable: false),
                    CvvRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApprovedChargeOrCaptureRateFee = table.Column<decimal>(type: "TEXT", nullable: true),
                    ApprovedChargeOrCaptureFlatFee = table.Column<decimal>(type: "TEXT", nullable: true),
                    OtherTransactionFlatFee = table.Column<decimal>(type: "TEXT", nullable: true),
                    ProtectedCredentials = table.Column<string>(type: "TEXT", nullable: true),
                    CredentialKeys = table.Column<string>(type: "TEXT", nullable: false),
                    FlexPayToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DesiredState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SyncState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PendingChanges = table.Column<int>(type: "INTEGER", maxLength: 32, nullable: false),
                    LastSyncError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastSyncedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SyncAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextSyncAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreateRequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SyncClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Gateways", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FlexPayAccounts_Company",
                table: "FlexPayAccounts",
                column: "Company",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Gateways_Company_Name",
                table: "Gateways",
                columns: new[] { "Company", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Gateways_FlexPayToken",
                table: "Gateways",
                column: "FlexPayToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Gateways_SyncState",
                table: "Gateways",
                column: "SyncState");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FlexPayAccounts");

            migrationBuilder.DropTable(
                name: "Gateways");
        }
    }
}
