using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Route.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HumanReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DecisionSubmittedAt",
                table: "Routings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EntitiesJson",
                table: "Routings",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "EscalatedAt",
                table: "Routings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "Routings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewDecision",
                table: "Routings",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewReason",
                table: "Routings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReviewRequestedAt",
                table: "Routings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "Routings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reviewer",
                table: "Routings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sender",
                table: "Routings",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Routings",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Routings_ReviewRequestedAt",
                table: "Routings",
                column: "ReviewRequestedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Routings_ReviewRequestedAt",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "DecisionSubmittedAt",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "EntitiesJson",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "ReviewDecision",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "ReviewReason",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "ReviewRequestedAt",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "Reviewer",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "Sender",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Routings");
        }
    }
}
