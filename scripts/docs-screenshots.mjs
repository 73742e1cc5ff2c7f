#!/usr/bin/env node
// Takes the README's screenshots headless: foundations.vsix installed into code-server (VS Code
// 1.100.3), the example workspace (with a small debt register) opened in chromium, the
// Foundations view and the domain graph photographed into docs/images/.
//   npm run package && node scripts/docs-screenshots.mjs
// Uses the end-to-end tools (bash scripts/e2e/install-tools.sh).
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  REPO, cleanup, copyWorkspace, installExtension, isolatedProfile, launchChromium, log, remoteUri, requireFiles,
  requireTools, saveArtifacts, startCodeServer, tempRoot, waitUntil, workbenchUrl,
} from './e2e/lib.mjs';

const OUT = path.join(REPO, 'docs', 'images');
const VIEWPORT = { width: 1500, height: 940 };

/** Debt the screenshot shows: one accepted finding, and one entry whose finding is gone. */
const DEBT = `// Technical debt accepted on purpose.
{
  "entries": [
    {
      "rule": "third-party-outside-adapter",
      "file": "src/billing/core/charge.ts",
      "fingerprint": "import stripe",
      "reason": "charge() moves behind the payment gateway adapter in sprint 14",
      "owner": "@payments-team",
      "expires": "2099-06-30"
    },
    {
      "rule": "public-api-bypass",
      "file": "src/orders/core/order.ts",
      "fingerprint": "import ../../billing/core/invoice",
      "reason": "fixed when orders moved to @shop/billing"
    }
  ]
}
`;

async function main() {
  requireTools();
  requireFiles('foundations.vsix');
  fs.mkdirSync(OUT, { recursive: true });
  const root = tempRoot('screenshots');
  const profile = isolatedProfile(root);
  // A dark theme, no minimap, no breadcrumbs: the view and the graph are what the pictures show.
  const settingsFile = path.join(profile.userData, 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  Object.assign(settings, { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'breadcrumbs.enabled': false, 'window.zoomLevel': 0 });
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  const workspace = copyWorkspace(root);
  fs.writeFileSync(path.join(workspace, 'foundations-debt.json'), DEBT);
  let server;
  let context;
  let page;
  let ok = false;
  try {
    installExtension(profile, path.join(REPO, 'foundations.vsix'));
    server = await startCodeServer(profile, { logFile: path.join(root, 'code-server.log') });
    context = await launchChromium(root);
    page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize(VIEWPORT);
    const file = remoteUri(server.port, path.join(workspace, 'src/catalog/core/product.ts'));
    await page.goto(workbenchUrl(server.port, workspace, [['openFile', file]]));
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 90_000 });
    log('workbench ready, findings published');

    // The Foundations view: open the container, widen the side bar, expand a rule and a project check.
    // The status item's click focuses the view (its badge would intercept a click on the activity bar icon).
    await page.locator('.statusbar-item[id$="foundations.status"]').first().click();
    const rows = page.locator('.pane-body .monaco-list-row');
    await rows.filter({ hasText: 'Clean architecture baseline' }).first().waitFor({ timeout: 60_000 });
    await widenSideBar(page, 230);
    // The Foundations tree gets the side bar's height; the other two views show in the graph's picture.
    await togglePane(page, 'Domains');
    await togglePane(page, 'Debt Register');
    await expand(page, 'cross-domain-import');
    await expand(page, 'public-api-bypass');
    await expand(page, 'third-party-outside-adapter');
    await rows.filter({ hasText: 'Accepted as debt' }).first().waitFor({ timeout: 20_000 });
    await expand(page, 'Logging through a logger');
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(OUT, 'foundations-view.png') });
    log(`wrote ${path.relative(REPO, path.join(OUT, 'foundations-view.png'))}`);

    // The domain graph, from the command palette; a click on a node reveals it in the Domains view.
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').fill('>Foundations: Show Domain Graph');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Show Domain Graph' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const frame = await waitUntil('the graph webview to draw', () => page.frames().find((f) => !f.isDetached() && f.url().includes('fake.html')) ?? undefined, 30_000);
    await frame.locator('svg .node').first().waitFor({ timeout: 30_000 });
    await togglePane(page, 'Foundations');
    await togglePane(page, 'Domains');
    await togglePane(page, 'Debt Register');
    await frame.locator('svg .node[data-domain="catalog"]').click();
    await rows.filter({ hasText: '@catalog-team' }).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(OUT, 'domain-graph.png') });
    log(`wrote ${path.relative(REPO, path.join(OUT, 'domain-graph.png'))}`);
    ok = true;
  } catch (err) {
    log(`screenshots FAILED: ${err.stack ?? err}`);
    await saveArtifacts('screenshots-failed', page, { 'code-server.log': path.join(root, 'code-server.log') });
  } finally {
    await context?.close().catch(() => undefined);
    await server?.stop();
    cleanup(root);
  }
  return ok ? 0 : 1;
}

/** Drags the edge between the side bar and the editor to the right, so labels are not cut. */
async function widenSideBar(page, by) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(x + by, y, { steps: 8 });
  await page.mouse.up();
}

/** Collapses or expands a view of the side bar by its header. */
async function togglePane(page, title) {
  await page.locator('.pane-header').filter({ has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first().click();
}

function row(page, text) {
  return page.locator('.pane-body .monaco-list-row').filter({ has: page.locator('.label-name, .monaco-highlighted-label', { hasText: text }) }).first();
}

async function expand(page, text) {
  const r = row(page, text);
  await r.waitFor({ timeout: 20_000 });
  if ((await r.getAttribute('aria-expanded')) === 'false') await r.click();
}

async function collapse(page, text) {
  const r = row(page, text);
  await r.waitFor({ timeout: 20_000 });
  if ((await r.getAttribute('aria-expanded')) === 'true') await r.click();
}

process.exitCode = await main();
