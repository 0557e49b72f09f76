using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Ingest.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NotificationOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NotificationsDelivered",
                table: "Documents",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NotificationsFailed",
                table: "Documents",
                type: "int",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NotificationsDelivered",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "NotificationsFailed",
                table: "Documents");
        }
    }
}
