#!/usr/bin/env bash
# `npm test`: every tier on a fresh machine — static checks, unit tests, integration tests on the
# embedded database AND on a throwaway PostgreSQL 15, then browser tests in headless Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/ensure-system-deps.sh || exit 1
[ -d node_modules ] || npm install --no-audit --no-fund || exit 1

failed=()
step() {
  local name=$1; shift
  local t0=$(date +%s)
  echo "── $name"
  if "$@"; then echo "   ✓ $name ($(( $(date +%s) - t0 )) s)"; else echo "   ✗ $name"; failed+=("$name"); fi
}
step typecheck npx tsc -p tsconfig.json --noEmit
step lint npx eslint --max-warnings=0 .
step format npx prettier --check --log-level warn .
step unit npx vitest run --project unit
step "integration (PGlite)" env ONEWINDOW_TEST_DB=pglite npx vitest run --project int
step "integration (PostgreSQL 15)" env ONEWINDOW_TEST_DB=postgres npx vitest run --project int
step "web build" npx vite build --logLevel warn
step e2e npx vitest run --project e2e

echo
echo "total $(( $(date +%s) - start )) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all tiers passed"
