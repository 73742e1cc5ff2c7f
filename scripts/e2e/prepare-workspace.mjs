#!/usr/bin/env node
// Copies test-fixtures/shop to .e2e/workspace/shop (gitignored), fresh each time, and prints the
// path: the workspace the "Extension Tests" launch configuration opens, so tests never touch the fixture.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, copyWorkspace } from './lib.mjs';

const parent = path.join(REPO, '.e2e', 'workspace');
fs.rmSync(parent, { recursive: true, force: true });
fs.mkdirSync(parent, { recursive: true });
console.log(copyWorkspace(parent));
