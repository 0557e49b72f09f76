using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Classify.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ClassificationAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "CostUsd",
                table: "Classifications",
                type: "decimal(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InputTokens",
                table: "Classifications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LatencyMs",
                table: "Classifications",
                type: "float",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "OutputTokens",
                table: "Classifications",
                type: "int",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CostUsd",
                table: "Classifications");

            migrationBuilder.DropColumn(
                name: "InputTokens",
                table: "Classifications");

            migrationBuilder.DropColumn(
                name: "LatencyMs",
                table: "Classifications");

            migrationBuilder.DropColumn(
                name: "OutputTokens",
                table: "Classifications");
        }
    }
}
