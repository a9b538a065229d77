#!/usr/bin/env bash
# Builds the site and runs it on http://localhost:5000. On first start it applies the Incheon demo
# recipe (demo accounts in README.md); data lives in src/CitizenParticipation.Web/App_Data.
# Delete that folder to start over. Override with the usual environment variables, e.g.
# Setup__Recipe=blank Setup__AdminEmail=... Setup__AdminPassword=... ./run.sh
set -euo pipefail
cd "$(dirname "$0")"

configuration=${CONFIGURATION:-Release}
web=src/CitizenParticipation.Web

dotnet restore "$web" --nologo -v q
# The Krds theme's build runs npm ci itself for the KRDS design system files.
dotnet build "$web" -c "$configuration" --no-restore --nologo -v q

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://localhost:5000}
export Setup__Recipe=${Setup__Recipe:-incheon-demo}

echo "Starting the site on $ASPNETCORE_URLS (first-start recipe: $Setup__Recipe). Stop with Ctrl+C."
exec dotnet run --project "$web" -c "$configuration" --no-build --no-launch-profile
