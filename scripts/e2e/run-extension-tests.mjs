#!/usr/bin/env node
// Runs the extension-host mocha suite (out/client/test/e2e/index.js) inside a real VS Code
// 1.100.3: code-server from the e2e cache, its workbench opened in headless chromium with the
// development options in the URL payload. Exits with the suite's result.
//   node scripts/e2e/run-extension-tests.mjs            (after npm run build)
//   FOUNDATIONS_E2E_GREP=restart ...                   only tests whose title matches
//   FOUNDATIONS_E2E_KEEP=1 ...                         keep the temp profile and workspace
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  REPO, cleanup, copyWorkspace, isolatedProfile, launchChromium, log, remoteUri, requireFiles, requireTools,
  saveArtifacts, startCodeServer, tempRoot, waitUntil, workbenchUrl,
} from './lib.mjs';

const TIMEOUT_MS = Number(process.env.FOUNDATIONS_E2E_TIMEOUT_MS || 10 * 60_000);
const TEST_INDEX = path.join(REPO, 'out', 'client', 'test', 'e2e', 'index.js');

async function main() {
  requireTools();
  requireFiles('dist/client.js', 'dist/server.js', 'out/client/test/e2e/index.js');
  const started = Date.now();
  const root = tempRoot('ext-tests');
  const profile = isolatedProfile(root);
  const workspace = copyWorkspace(root);
  const report = path.join(root, 'report.txt');
  const bridge = path.join(root, 'bridge');
  const serverLog = path.join(root, 'code-server.log');
  fs.mkdirSync(bridge);
  fs.writeFileSync(report, '');
  let server;
  let context;
  let page;
  let ok = false;
  const consoleLines = [];
  try {
    server = await startCodeServer(profile, {
      logFile: serverLog,
      env: { FOUNDATIONS_E2E_REPORT: report, FOUNDATIONS_E2E_BRIDGE: bridge, FOUNDATIONS_E2E_GREP: process.env.FOUNDATIONS_E2E_GREP ?? '' },
    });
    log(`code-server on ${server.url} (pid ${server.pid}), workspace ${workspace}`);
    context = await launchChromium(root);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    let exitCode;
    await page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = Number(code);
    });
    const url = workbenchUrl(server.port, workspace, [
      ['extensionDevelopmentPath', remoteUri(server.port, REPO)],
      ['extensionTestsPath', remoteUri(server.port, TEST_INDEX)],
    ]);
    await page.goto(url);

    // Stream the suite's report while serving the bridge (DOM questions the extension API cannot answer).
    let printed = 0;
    const flush = () => {
      const text = fs.readFileSync(report, 'utf8');
      if (text.length > printed) {
        process.stdout.write(text.slice(printed));
        printed = text.length;
      }
    };
    const deadline = Date.now() + TIMEOUT_MS;
    while (exitCode === undefined) {
      if (Date.now() > deadline) throw new Error(`the suite did not finish in ${TIMEOUT_MS / 1000} s`);
      flush();
      await answerBridge(page, bridge);
      await new Promise((r) => setTimeout(r, 100));
    }
    // The report is written synchronously before run() settles, but be patient with the last line.
    await waitUntil('the summary line', () => /\d+ passed, \d+ failed/.test(fs.readFileSync(report, 'utf8')), 5_000).catch(() => undefined);
    flush();
    const summary = /(\d+) passed, (\d+) failed/.exec(fs.readFileSync(report, 'utf8'));
    if (!summary) throw new Error(`the suite exited with ${exitCode} without a summary (did it load?)`);
    if (Number(summary[1]) === 0) throw new Error('no test passed');
    ok = exitCode === 0 && Number(summary[2]) === 0;
    log(`extension-host suite ${ok ? 'passed' : 'FAILED'} (exit ${exitCode}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    log(`extension-host suite FAILED: ${err.stack ?? err}`);
  } finally {
    if (!ok) {
      fs.writeFileSync(path.join(root, 'browser-console.log'), consoleLines.join('\n'));
      await saveArtifacts('extension-tests', page, {
        'code-server.log': serverLog,
        'browser-console.log': path.join(root, 'browser-console.log'),
        'report.txt': report,
        logs: path.join(profile.userData, 'logs'),
      });
    }
    await context?.close().catch(() => undefined);
    await server?.stop();
    cleanup(root);
  }
  return ok ? 0 : 1;
}

/** Answers the requests the suite writes into the bridge folder (see client/test/e2e/helpers.ts). */
async function answerBridge(page, dir) {
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.request.json'))) {
    const request = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    let answer;
    if (request.type === 'statusbar') {
      answer = await page.evaluate((id) => {
        const items = [...document.querySelectorAll('.statusbar-item')];
        const el = items.find((e) => e.id === id || e.id.endsWith(`.${id}`));
        const label = el?.querySelector('[aria-label]') ?? el;
        return { found: !!el, text: el?.textContent?.trim(), ariaLabel: label?.getAttribute('aria-label') ?? undefined, ids: items.map((e) => e.id) };
      }, request.id);
    } else if (request.type === 'quickInput') {
      // Answers the prompt showing `prompt` as a person does: the extension API cannot type into it.
      try {
        await page.waitForFunction((prompt) => {
          const widget = document.querySelector('.quick-input-widget');
          return widget && widget.style.display !== 'none' && widget.textContent.includes(prompt);
        }, request.prompt, { timeout: 15_000 });
        await page.keyboard.type(request.text);
        await page.keyboard.press('Enter');
        answer = { typed: true };
      } catch (err) {
        answer = { error: String(err.message ?? err) };
      }
    } else {
      answer = { error: `unknown request ${request.type}` };
    }
    const target = path.join(dir, name.replace('.request.json', '.response.json'));
    fs.writeFileSync(`${target}.tmp`, JSON.stringify(answer));
    fs.renameSync(`${target}.tmp`, target);
    fs.rmSync(path.join(dir, name));
  }
}

process.exitCode = await main();
