using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CitizenParticipation.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Debates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgendaCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    OriginId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ProposedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Supports = table.Column<int>(type: "INTEGER", nullable: false),
                    SupportsUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupportsNeeded = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BeforeCommitteeAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DebateId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaCandidates_AspNetUsers_ProposedById",
                        column: x => x.ProposedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AgendaSupports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaSupports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaSupports_AgendaCandidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "AgendaCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgendaSupports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Debates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Briefing = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    ArgumentsFor = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ArgumentsAgainst = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ExpertStatements = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Phase = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Debates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Debates_AgendaCandidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "AgendaCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DebateLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DebateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebateLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebateLog_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DebateLog_Debates_DebateId",
                        column: x => x.DebateId,
                        principalTable: "Debates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DebateOpinionMaps",
                columns: table => new
                {
                    DebateId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesUpTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebateOpinionMaps", x => x.DebateId);
                    table.ForeignKey(
                        name: "FK_DebateOpinionMaps_Debates_DebateId",
                        column: x => x.DebateId,
                        principalTable: "Debates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DebatePhases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DebateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebatePhases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebatePhases_Debates_DebateId",
                        column: x => x.DebateId,
                        principalTable: "Debates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DebateStatements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DebateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HiddenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HiddenByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebateStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebateStatements_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DebateStatements_Debates_DebateId",
                        column: x => x.DebateId,
                        principalTable: "Debates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DebateStatementVotes",
                columns: table => new
                {
                    StatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DebateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<short>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebateStatementVotes", x => new { x.StatementId, x.VoterId });
                    table.ForeignKey(
                        name: "FK_DebateStatementVotes_AspNetUsers_VoterId",
                        column: x => x.VoterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DebateStatementVotes_DebateStatements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "DebateStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DebateStatementVotes_Debates_DebateId",
                        column: x => x.DebateId,
                        principalTable: "Debates",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaCandidates_ProposedById",
                table: "AgendaCandidates",
                column: "ProposedById");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaCandidates_Source_OriginId",
                table: "AgendaCandidates",
                columns: new[] { "Source", "OriginId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaCandidates_State_CreatedAt",
                table: "AgendaCandidates",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaSupports_CandidateId_UserId",
                table: "AgendaSupports",
                columns: new[] { "CandidateId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaSupports_UserId",
                table: "AgendaSupports",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_DebateLog_ActorId",
                table: "DebateLog",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_DebateLog_DebateId_At",
                table: "DebateLog",
                columns: new[] { "DebateId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DebatePhases_DebateId_Phase",
                table: "DebatePhases",
                columns: new[] { "DebateId", "Phase" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Debates_CandidateId",
                table: "Debates",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Debates_Phase_CreatedAt",
                table: "Debates",
                columns: new[] { "Phase", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DebateStatements_AuthorId",
                table: "DebateStatements",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_DebateStatements_DebateId_CreatedAt",
                table: "DebateStatements",
                columns: new[] { "DebateId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DebateStatementVotes_DebateId_At",
                table: "DebateStatementVotes",
                columns: new[] { "DebateId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DebateStatementVotes_VoterId",
                table: "DebateStatementVotes",
                column: "VoterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaSupports");

            migrationBuilder.DropTable(
                name: "DebateLog");

            migrationBuilder.DropTable(
                name: "DebateOpinionMaps");

            migrationBuilder.DropTable(
                name: "DebatePhases");

            migrationBuilder.DropTable(
                name: "DebateStatementVotes");

            migrationBuilder.DropTable(
                name: "DebateStatements");

            migrationBuilder.DropTable(
                name: "Debates");

            migrationBuilder.DropTable(
                name: "AgendaCandidates");
        }
    }
}
