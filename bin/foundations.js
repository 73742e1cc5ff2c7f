#!/usr/bin/env node
'use strict';
// The CLI lives in the same bundle as the language server, so both always run the same engine.
const path = require('node:path');
const fs = require('node:fs');
const bundlePath = path.join(__dirname, '..', 'dist', 'server.js');
if (!fs.existsSync(bundlePath)) {
  process.stderr.write('foundations: the bundle is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
const bundle = require(bundlePath);
bundle.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`foundations: internal error: ${(err && err.stack) || err}\n`);
    process.exitCode = 2;
  },
);
