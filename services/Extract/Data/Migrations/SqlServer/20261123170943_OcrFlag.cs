using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Extract.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OcrFlag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Ocr",
                table: "Extractions",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Ocr",
                table: "Extractions");
        }
    }
}
