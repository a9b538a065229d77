#!/usr/bin/env bash
# Benchmark of online petitions:
#   bench/petitions.sh [citizens] [petitions] [signatures] [signers] [connections] [read seconds]
# Builds the site and the bench in Release, starts the site on 127.0.0.1 with a fresh SQLite database,
# seeds citizens, petitions and signatures, logs in one citizen per signature to come, warms the site up
# with 9,000 signatures on other petitions, then prints signatures per second, p50/p99 of signing one hot
# petition through POST /petitions/{id}/sign (authenticated, antiforgery-checked), the site's CPU time per
# signature and the share of CPU the hypervisor took meanwhile, the final counter against the signature
# rows, reads of the
# petition page, and list/search p95; each next to a baseline measured in the same run (a bare Kestrel
# doing one raw SQLite insert per request; the same page bytes served from memory) and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
# The load generator: wrk, from Debian's packages.
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi
dotnet build src/CitizenParticipation.Web -c Release -v q -nologo
dotnet build bench/PetitionsBench -c Release -v q -nologo
dotnet bench/PetitionsBench/bin/Release/net10.0/PetitionsBench.dll \
  src/CitizenParticipation.Web/bin/Release/net10.0/CitizenParticipation.Web.dll \
  "${1:-100000}" "${2:-10000}" "${3:-1000000}" "${4:-10000}" "${5:-16}" "${6:-5}"
