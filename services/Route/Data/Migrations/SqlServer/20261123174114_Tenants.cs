using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Route.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Tenants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "Routings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "default");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "Routings");
        }
    }
}
