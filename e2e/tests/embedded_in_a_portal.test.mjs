// The example host page on one origin embeds the form from another: prefilled fields are locked,
// saved / validity / exported reach the host, the host can load and fetch the report, a message
// from a third origin is ignored, two namespaces keep separate drafts, and the tools page opens
// inside the frame and leads back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../server.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const servers = {};
let browser;

before(async () => {
  servers.app = await serve('dist', 0);
  servers.portal = await serve('examples', 0);
  servers.other = await serve('examples', 0);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
});
after(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) server.close();
});

const origin = (server) => `http://127.0.0.1:${server.address().port}`;

async function openPortal(context, server, query) {
  const page = await context.newPage();
  const params = new URLSearchParams({ app: `${origin(servers.app)}/`, ...query });
  await page.goto(`${origin(server)}/host.html?${params}`);
  const frame = page.frameLocator('#report');
  await frame.locator('html[data-app-ready="true"]').waitFor();
  return { page, frame };
}

const messages = (page, type) => page.evaluate((t) => window.__messages.filter((m) => m.type === t), type);

test('a portal embeds the form', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, frame } = await openPortal(context, servers.portal, {
    ns: 'portal-a', body: '甲街道办事处', year: '2024', body_type: 'government', lock: 'body,year',
  });
  await page.waitForFunction(() => window.__messages.some((m) => m.type === 'ready'));
  assert.equal(await frame.locator('.app-bar').isVisible(), false, 'no app chrome when embedded');
  const body = frame.locator('[data-field="meta.body"]');
  assert.equal(await body.inputValue(), '甲街道办事处');
  assert.notEqual(await body.getAttribute('readonly'), null, 'locked');
  assert.equal(await frame.locator('[data-field="meta.year"]').inputValue(), '2024');
  assert.equal(await frame.locator('[data-field="meta.year"]').isDisabled(), true);
  const bodyType = frame.locator('[data-field="meta.body_type"]');
  assert.equal(await bodyType.inputValue(), 'government', 'an unlocked prefill applies to a fresh draft');
  assert.equal(await bodyType.isDisabled(), false, 'and stays changeable');

  // Nothing is stored before the first edit, so the frame offers no way out to the tools page yet.
  assert.equal(await frame.locator('[data-tool]').count(), 0, 'the tools links need a stored draft');
  await frame.locator('[data-cell="requests.received.natural_person"]').fill('4');
  await page.waitForFunction(() => window.__messages.some((m) => m.type === 'saved' && m.savedAt));
  assert.equal(await frame.locator('[data-tool]').count(), 3, '与上年对比, 汇总 and 审阅');
  // validity counts what 检查 finds: the same number the page lists after 检查.
  await frame.getByRole('button', { name: '检查' }).click();
  const shown = await frame.locator('[data-findings] [data-severity="error"]').count();
  assert.ok(shown > 0);
  await page.waitForFunction((n) => window.__messages.filter((m) => m.type === 'validity').at(-1)?.errors === n, shown);
  const download = page.waitForEvent('download');
  await frame.locator('[data-export="json"]').click();
  await download;
  // postMessage is asynchronous: the download may come first.
  await page.waitForFunction(() => window.__messages.some((m) => m.type === 'exported'));
  const exported = await messages(page, 'exported');
  assert.equal(exported.at(-1).kind, 'json');
  assert.match(exported.at(-1).fileName, /^甲街道办事处2024年政府信息公开工作年度报告\.json$/);

  const seed = JSON.parse(readFileSync('tests/fixtures/seed-2021.json', 'utf8'));
  await page.evaluate((report) => window.sendToForm({ type: 'load', report }), seed);
  await frame.locator('[data-field="overview.1.heading"]').waitFor();
  assert.match(await frame.locator('[data-field="overview.1.heading"]').inputValue(), /基层政务公开/);
  assert.equal(await body.inputValue(), '甲街道办事处', 'a locked field stays as the portal set it');
  await page.evaluate(() => window.sendToForm({ type: 'get-report' }));
  await page.waitForFunction(() => window.__messages.some((m) => m.type === 'report'));
  const [reply] = await messages(page, 'report');
  assert.equal(JSON.parse(reply.report).meta.body, '甲街道办事处');

  // The tools page opens inside the frame (a new tab would not see the portal's storage) with the
  // form's parameters, reads this portal's draft, and leads back to the same form and draft.
  const compare = frame.locator('[data-tool="compare"]');
  assert.equal(await compare.getAttribute('target'), '_self');
  assert.match(await compare.getAttribute('href'), /^tools\/\?view=compare&.*ns=portal-a/);
  await compare.click();
  await frame.locator('[data-compare-missing="last"]').waitFor();
  assert.match(await frame.locator('[data-compare-missing]').textContent(), /甲街道办事处/);
  await frame.getByRole('link', { name: '打开填写页面' }).click();
  await frame.locator('[data-field="overview.1.heading"]').waitFor();
  assert.match(await frame.locator('[data-field="overview.1.heading"]').inputValue(), /基层政务公开/);
  assert.notEqual(await body.getAttribute('readonly'), null, 'still embedded and locked');

  // A third origin embeds the same form configured to trust the portal, not itself.
  const third = await openPortal(context, servers.other, { ns: 'portal-a', trust: origin(servers.portal) });
  await third.page.evaluate((report) => window.sendToForm({ type: 'load', report: { ...report, meta: { ...report.meta, body: '冒充' } } }), seed);
  await third.page.evaluate(() => window.sendToForm({ type: 'get-report' }));
  await third.page.waitForTimeout(300);
  assert.notEqual(await third.frame.locator('[data-field="meta.body"]').inputValue(), '冒充', 'ignored');
  assert.deepEqual(await third.page.evaluate(() => window.__messages), [], 'nothing is sent to an untrusted origin');

  // Another portal's namespace keeps its own drafts.
  const other = await openPortal(context, servers.portal, { ns: 'portal-b' });
  assert.equal(await other.frame.locator('[data-cell="requests.received.natural_person"]').inputValue(), '');
  assert.equal(await other.frame.locator('[data-field="meta.body"]').inputValue(), '');
  const keys = await other.frame.locator('html').evaluate(() => Object.keys(localStorage));
  assert.ok(keys.some((key) => key.startsWith('ogi-report:v1:portal-a:draft:')));
  assert.ok(!keys.some((key) => key.startsWith('ogi-report:v1:draft:')), 'nothing outside the namespaces');
  await context.close();
});
