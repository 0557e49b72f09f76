using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Notify.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EncryptSigningSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
