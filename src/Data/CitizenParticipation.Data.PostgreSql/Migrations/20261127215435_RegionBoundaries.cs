using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CitizenParticipation.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RegionBoundaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegionBoundaries",
                columns: table => new
                {
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    GeoJson = table.Column<string>(type: "text", nullable: false),
                    Vertices = table.Column<int>(type: "integer", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionBoundaries", x => x.RegionId);
                    table.ForeignKey(
                        name: "FK_RegionBoundaries_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegionBoundaries");
        }
    }
}
