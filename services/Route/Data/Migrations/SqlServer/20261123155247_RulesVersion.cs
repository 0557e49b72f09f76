using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Route.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RulesVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RulesVersion",
                table: "Routings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RulesVersion",
                table: "Routings");
        }
    }
}
