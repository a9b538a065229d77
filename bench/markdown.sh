#!/usr/bin/env bash
# Benchmark of user Markdown: bench/markdown.sh
# Prints, for each pathological input of the penetration test and for the worst texts the limits in
# MarkdownLimits still accept, the best of five times of Markdig alone (as the site ran it before the
# limits), of the limits check (what writing the text runs) and of the site's renderer (limits check,
# Markdig, sanitizer), and whether the renderer formatted the text or showed it as plain text.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/MarkdownBench -c Release -v q -nologo
dotnet bench/MarkdownBench/bin/Release/net10.0/MarkdownBench.dll
