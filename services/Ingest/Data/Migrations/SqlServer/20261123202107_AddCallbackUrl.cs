using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Ingest.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddCallbackUrl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CallbackUrl",
                table: "Documents",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CallbackUrl",
                table: "Documents");
        }
    }
}
