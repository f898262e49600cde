using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexPay.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialRecovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Chains",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrencyCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Instrument_PaymentMethodId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Instrument_GatewayPaymentMethodId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Instrument_CardBrand = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Instrument_FirstSixDigits = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Instrument_LastFourDigits = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Instrument_ExpiryMonth = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Instrument_ExpiryYear = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    PinnedGatewayToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    InitialDeclineCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    InitialDeclineMessage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DateFirstAttempt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StateReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NextAttemptDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecoveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecoveredTransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RefundedAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Chains", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RetryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MerchantTransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReferenceDataSent = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    GatewayTokenSent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FlexPayRetryDate = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SendCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResponseCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ResponseMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReferenceDataReceived = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    RetryDateReceived = table.Column<long>(type: "INTEGER", nullable: true),
                    GatewayTokenUsed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssignedGatewayTokenReceived = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attempts_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Refunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantTransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResponseCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ResponseMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Refunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Refunds_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_ChainId_RetryCount_MerchantTransactionId",
                table: "Attempts",
                columns: new[] { "ChainId", "RetryCount", "MerchantTransactionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_MerchantTransactionId",
                table: "Attempts",
                column: "MerchantTransactionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_Status",
                table: "Attempts",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_TransactionId",
                table: "Attempts",
                column: "TransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_Chains_CreatedAt",
                table: "Chains",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Chains_CustomerId",
                table: "Chains",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Chains_ExternalId",
                table: "Chains",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Chains_NextAttemptDueAt",
                table: "Chains",
                column: "NextAttemptDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Chains_OrderId",
                table: "Chains",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Chains_RecoveredTransactionId",
                table: "Chains",
                column: "RecoveredTransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_Chains_State_CreatedAt",
                table: "Chains",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_ChainId",
                table: "Refunds",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_MerchantTransactionId",
                table: "Refunds",
                column: "MerchantTransactionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_RequestedAt",
                table: "Refunds",
                column: "RequestedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attempts");

            migrationBuilder.DropTable(
                name: "Refunds");

            migrationBuilder.DropTable(
                name: "Chains");
        }
    }
}
