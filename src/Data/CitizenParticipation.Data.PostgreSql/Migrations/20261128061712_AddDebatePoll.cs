using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CitizenParticipation.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddDebatePoll : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DebatePollQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DebateId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LowLabel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    HighLabel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebatePollQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebatePollQuestions_Debates_DebateId",
                        column: x => x.DebateId,
                        principalTable: "Debates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DebatePollResponses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DebateId = table.Column<int>(type: "integer", nullable: false),
                    Survey = table.Column<short>(type: "smallint", nullable: false),
                    RespondentId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebatePollResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebatePollResponses_AspNetUsers_RespondentId",
                        column: x => x.RespondentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DebatePollResponses_Debates_DebateId",
                        column: x => x.DebateId,
                        principalTable: "Debates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DebatePollAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: true),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebatePollAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebatePollAnswers_DebatePollQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "DebatePollQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DebatePollAnswers_DebatePollResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "DebatePollResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DebatePollAnswers_QuestionId",
                table: "DebatePollAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_DebatePollAnswers_ResponseId_QuestionId",
                table: "DebatePollAnswers",
                columns: new[] { "ResponseId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DebatePollQuestions_DebateId_Position",
                table: "DebatePollQuestions",
                columns: new[] { "DebateId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_DebatePollResponses_DebateId_Survey_RespondentId",
                table: "DebatePollResponses",
                columns: new[] { "DebateId", "Survey", "RespondentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DebatePollResponses_RespondentId",
                table: "DebatePollResponses",
                column: "RespondentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DebatePollAnswers");

            migrationBuilder.DropTable(
                name: "DebatePollQuestions");

            migrationBuilder.DropTable(
                name: "DebatePollResponses");
        }
    }
}
