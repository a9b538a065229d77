using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CitizenParticipation.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SearchIndexVersion",
                table: "Petitions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PetitionSearchTerms",
                columns: table => new
                {
                    Term = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    PetitionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PetitionSearchTerms", x => new { x.Term, x.PetitionId });
                    table.ForeignKey(
                        name: "FK_PetitionSearchTerms_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_SearchIndexVersion",
                table: "Petitions",
                column: "SearchIndexVersion");

            migrationBuilder.CreateIndex(
                name: "IX_PetitionSearchTerms_PetitionId",
                table: "PetitionSearchTerms",
                column: "PetitionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PetitionSearchTerms");

            migrationBuilder.DropIndex(
                name: "IX_Petitions_SearchIndexVersion",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "SearchIndexVersion",
                table: "Petitions");
        }
    }
}
