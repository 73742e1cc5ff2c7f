#!/usr/bin/env node
'use strict';
// The CLI lives in the same bundle as the language server, so both always run the same engine;
// dist/start-cli.js loads that bundle with the code cache the build wrote next to it.
const path = require('node:path');
const fs = require('node:fs');
const dist = path.join(__dirname, '..', 'dist');
if (!fs.existsSync(path.join(dist, 'server.js')) || !fs.existsSync(path.join(dist, 'start-cli.js'))) {
  process.stderr.write('foundations: the bundle is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
require(path.join(dist, 'start-cli.js'))
  .runCli(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`foundations: internal error: ${(err && err.stack) || err}\n`);
      process.exitCode = 2;
    },
  );
