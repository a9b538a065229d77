#!/usr/bin/env bash
# Adds an EF Core migration for both providers: tools/add-migration.sh NameOfChange
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: tools/add-migration.sh NameOfChange}
dotnet tool restore >/dev/null
dotnet build tools/DesignTime -v q -nologo
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --no-build \
    --project "src/Data/CitizenParticipation.Data.$provider" \
    --startup-project tools/DesignTime \
    --output-dir Migrations -- "$provider"
done
