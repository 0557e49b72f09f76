using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Route.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReviewDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewDeadline",
                table: "Routings",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Routings_CurrentState_ReviewDeadline",
                table: "Routings",
                columns: new[] { "CurrentState", "ReviewDeadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Routings_CurrentState_ReviewDeadline",
                table: "Routings");

            migrationBuilder.DropColumn(
                name: "ReviewDeadline",
                table: "Routings");
        }
    }
}
