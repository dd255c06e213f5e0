#!/usr/bin/env bash
# `npm test`: every tier on a fresh machine — static checks, unit tests, integration tests on the
# embedded database AND on a throwaway PostgreSQL 15, then browser tests in headless Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/ensure-system-deps.sh || exit 1
[ -d node_modules ] || npm install --no-audit --no-fund || exit 1

failed=()
log=$(mktemp)
step() {
  local name=$1; shift
  local t0=$(date +%s)
  echo "── $name"
  if "$@" 2>&1 | tee -a "$log"; then echo "   ✓ $name ($(( $(date +%s) - t0 )) s)"; else echo "   ✗ $name"; failed+=("$name"); fi
}
step typecheck npx tsc -p tsconfig.json --noEmit
step lint npx eslint --max-warnings=0 .
step format npx prettier --check --log-level warn .
step unit npx vitest run --project unit
step "integration (PGlite)" env ONEWINDOW_TEST_DB=pglite npx vitest run --project int
step "integration (PostgreSQL 15)" env ONEWINDOW_TEST_DB=postgres npx vitest run --project int
step "web build" npx vite build --logLevel warn
step e2e npx vitest run --project e2e

# vitest prints "Tests  N passed | M failed (T)" per run; add them up for one closing line.
sum() { sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +Tests +' | grep -oE "[0-9]+ $1" | awk '{s+=$1} END {print s+0}'; }
passed=$(sum passed); nfailed=$(( $(sum failed) + ${#failed[@]} ))  # a failed check counts as a failure too
rm -f "$log"
echo
echo "total $(( $(date +%s) - start )) s"
echo "tests: $passed passed, $nfailed failed"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all tiers passed"
