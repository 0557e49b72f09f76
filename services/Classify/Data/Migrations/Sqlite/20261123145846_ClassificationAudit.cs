using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Classify.Data.Migrations.Sqlite
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
                type: "TEXT",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InputTokens",
                table: "Classifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LatencyMs",
                table: "Classifications",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "OutputTokens",
                table: "Classifications",
                type: "INTEGER",
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
