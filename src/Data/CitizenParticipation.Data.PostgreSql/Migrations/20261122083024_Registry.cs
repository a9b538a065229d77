using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CitizenParticipation.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegistryOfficers",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryOfficers", x => new { x.UserId, x.DepartmentId });
                    table.ForeignKey(
                        name: "FK_RegistryOfficers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RegistryOfficers_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistryTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    PolicyFieldId = table.Column<int>(type: "integer", nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    OfficerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Weight = table.Column<double>(type: "double precision", nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryTasks_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegistryTasks_PolicyFields_PolicyFieldId",
                        column: x => x.PolicyFieldId,
                        principalTable: "PolicyFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegistryTasks_RegistryTasks_ParentId",
                        column: x => x.ParentId,
                        principalTable: "RegistryTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistryActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    CorrectsId = table.Column<int>(type: "integer", nullable: true),
                    ProgressAfter = table.Column<int>(type: "integer", nullable: true),
                    StatusAfter = table.Column<int>(type: "integer", nullable: true),
                    OutcomeOrigin = table.Column<int>(type: "integer", nullable: true),
                    OutcomeDecision = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    OutcomeLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryActivities_RegistryActivities_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "RegistryActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistryActivities_RegistryTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "RegistryTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistryTaskOrigins",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Origin = table.Column<int>(type: "integer", nullable: false),
                    OriginId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryTaskOrigins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryTaskOrigins_RegistryTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "RegistryTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistryTaskRegions",
                columns: table => new
                {
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryTaskRegions", x => new { x.TaskId, x.RegionId });
                    table.ForeignKey(
                        name: "FK_RegistryTaskRegions_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RegistryTaskRegions_RegistryTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "RegistryTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistryDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryDocuments_RegistryActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "RegistryActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistryOutcomes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Origin = table.Column<int>(type: "integer", nullable: false),
                    OriginId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Decision = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    PolicyFieldCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: true),
                    ActivityId = table.Column<int>(type: "integer", nullable: true),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryOutcomes_RegistryActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "RegistryActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegistryOutcomes_RegistryTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "RegistryTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RegistryStaffComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<int>(type: "integer", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryStaffComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryStaffComments_RegistryActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "RegistryActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistryStaffComments_RegistryTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "RegistryTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistryDocumentContents",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryDocumentContents", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_RegistryDocumentContents_RegistryDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "RegistryDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryActivities_CorrectsId",
                table: "RegistryActivities",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryActivities_CreatedAt",
                table: "RegistryActivities",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryActivities_TaskId_OccurredOn",
                table: "RegistryActivities",
                columns: new[] { "TaskId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryDocuments_ActivityId",
                table: "RegistryDocuments",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryOfficers_DepartmentId",
                table: "RegistryOfficers",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryOutcomes_ActivityId",
                table: "RegistryOutcomes",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryOutcomes_Origin_OriginId_Decision",
                table: "RegistryOutcomes",
                columns: new[] { "Origin", "OriginId", "Decision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryOutcomes_TaskId",
                table: "RegistryOutcomes",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryStaffComments_ActivityId",
                table: "RegistryStaffComments",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryStaffComments_TaskId_CreatedAt",
                table: "RegistryStaffComments",
                columns: new[] { "TaskId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryTaskOrigins_Origin_OriginId",
                table: "RegistryTaskOrigins",
                columns: new[] { "Origin", "OriginId" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryTaskOrigins_TaskId_Origin_OriginId",
                table: "RegistryTaskOrigins",
                columns: new[] { "TaskId", "Origin", "OriginId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryTaskRegions_RegionId",
                table: "RegistryTaskRegions",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryTasks_DepartmentId",
                table: "RegistryTasks",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryTasks_IsPublic_Status",
                table: "RegistryTasks",
                columns: new[] { "IsPublic", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryTasks_ParentId",
                table: "RegistryTasks",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryTasks_PolicyFieldId",
                table: "RegistryTasks",
                column: "PolicyFieldId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryTasks_UpdatedAt",
                table: "RegistryTasks",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegistryDocumentContents");

            migrationBuilder.DropTable(
                name: "RegistryOfficers");

            migrationBuilder.DropTable(
                name: "RegistryOutcomes");

            migrationBuilder.DropTable(
                name: "RegistryStaffComments");

            migrationBuilder.DropTable(
                name: "RegistryTaskOrigins");

            migrationBuilder.DropTable(
                name: "RegistryTaskRegions");

            migrationBuilder.DropTable(
                name: "RegistryDocuments");

            migrationBuilder.DropTable(
                name: "RegistryActivities");

            migrationBuilder.DropTable(
                name: "RegistryTasks");
        }
    }
}
