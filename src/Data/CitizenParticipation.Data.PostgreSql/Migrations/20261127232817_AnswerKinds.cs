using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CitizenParticipation.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AnswerKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AnswerKind",
                table: "Petitions",
                type: "integer",
                nullable: true);

            // Every answer given before answers had kinds went to the registry as a commitment: keep it so.
            migrationBuilder.Sql("UPDATE \"Petitions\" SET \"AnswerKind\" = 0 WHERE \"AnsweredAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnswerKind",
                table: "Petitions");
        }
    }
}
