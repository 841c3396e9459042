#!/usr/bin/env node
// Launcher for the diagnostics CLI (built by `npm run build` into out/main/relais-devices.cjs).
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'out', 'main', 'relais-devices.cjs');
if (!fs.existsSync(built)) {
  process.stderr.write('relais-devices is not built yet: run `npm run build` in the Relais folder first.\n');
  process.exit(1);
}
require(built);
