using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Route.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HumanReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecisionSubmittedAt",
                table: "Routings",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EntitiesJson",
                table: "Routings",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalatedAt",
                table: "Routings",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "Routings",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewDecision",
                table: "Routings",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewReason",
                table: "Routings",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewRequestedAt",
                table: "Routings",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "Routings",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reviewer",
                table: "Routings",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sender",
                table: "Routings",
                type: "nvarchar(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Routings",
                type: "nvarchar(100)",
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
