using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Data.PostgreSql;

public static class PostgreSqlDatabase
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o
            .MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.GetName().Name));
}
