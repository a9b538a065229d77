#!/usr/bin/env bash
# Benchmark of the citizen mayor's office: bench/registry.sh [tasks] [activities] [requests] [concurrency]
# Builds the site and the bench in Release, starts the site on 127.0.0.1 with a fresh SQLite database,
# seeds it, and prints p50/p95 latency of the dashboard, the map data and a task page next to a
# baseline (the same bytes served from memory by a bare Kestrel in the same run).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/CitizenParticipation.Web -c Release -v q -nologo
dotnet build bench/RegistryBench -c Release -v q -nologo
dotnet bench/RegistryBench/bin/Release/net10.0/RegistryBench.dll \
  src/CitizenParticipation.Web/bin/Release/net10.0/CitizenParticipation.Web.dll "${1:-10000}" "${2:-100000}" "${3:-2000}" "${4:-8}"
