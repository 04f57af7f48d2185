#!/usr/bin/env bash
# `npm test`: Jest (unit and database tests), then a production build, then the
# Playwright browser tests against it. Every stage runs; the exit code is non-zero
# if any stage failed or if nothing ran at all.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
rm -rf test-results && mkdir -p test-results
status=0

echo "== Unit and database tests (Jest)"
# PGlite (the embedded database, used when no PostgreSQL URL is set) loads its
# WebAssembly with a dynamic import, which Jest's VM sandbox allows only with this flag.
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning ${NODE_OPTIONS:-}" \
  npx jest --ci --json --outputFile=test-results/jest.json || status=1

echo "== Production build for the browser tests"
if ! node scripts/chromium.cjs; then
  status=1
elif npx next build > test-results/build.log 2>&1; then
  echo "Build ready."
  echo "== Browser tests (Playwright)"
  npx playwright test || status=1
else
  tail -40 test-results/build.log
  echo "The build failed: browser tests not run."
  status=1
fi

node scripts/test-summary.mjs || status=1
exit $status
