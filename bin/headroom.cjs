#!/usr/bin/env node
// `npx headroom …`: the CLI bundle is built by `npm install` (prepare) or `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'out', 'node', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('headroom: the CLI is not built yet; run `npm run build:node` in the project folder.\n');
  process.exit(1);
}
require(cli);
