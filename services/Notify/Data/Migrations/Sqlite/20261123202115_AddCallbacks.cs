using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Notify.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCallbacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "Deliveries",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.CreateTable(
                name: "CallbackSecrets",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackSecrets", x => x.TenantId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_TenantId_Channel_CreatedAt",
                table: "Deliveries",
                columns: new[] { "TenantId", "Channel", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallbackSecrets");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_TenantId_Channel_CreatedAt",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "Deliveries");
        }
    }
}
