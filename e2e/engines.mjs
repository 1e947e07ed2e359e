// The browsers government offices have, as this machine can have them (`make tools-engines`):
// headless Chromium 86 (= 360 13), 92, 109 (= Windows 7's last Chrome) from npm packages that
// carry the browser, Debian's Chromium, Firefox ESR (driven over WebDriver BiDi by puppeteer-core)
// and WebKitGTK (WebKitWebDriver + MiniBrowser under Xvfb). Each is wrapped in one small session
// interface so that one spec drives all of them as a person would: open, type, read, reload, click.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

export const OLD_CHROMIUM_DIR = resolve(process.env.OLD_CHROMIUM_DIR ?? '.cache/oldbrowsers');
const FIREFOX = '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser']
  .find((path) => existsSync(path));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

/** An old headless Chromium from `scripts/compat/old-chromium.sh` (`c086` …), with its own libraries. */
export function oldChromium(name) {
  const executablePath = join(OLD_CHROMIUM_DIR, name, 'chrome', 'chromium');
  const lib = join(OLD_CHROMIUM_DIR, name, 'chrome', 'lib');
  return { executablePath, env: { ...process.env, LD_LIBRARY_PATH: lib } };
}

/** Every Chromium build installed, newest last: [label, launch options]. */
export function chromiumBuilds() {
  const builds = existsSync(OLD_CHROMIUM_DIR)
    ? readdirSync(OLD_CHROMIUM_DIR).filter((name) => /^c\d+$/.test(name) && Number(name.slice(1)) >= 86).sort()
    : [];
  return [
    ...builds.map((name) => [`Chromium ${Number(name.slice(1))}`, oldChromium(name)]),
    ['Chromium (Debian)', { executablePath: '/usr/bin/chromium' }],
  ];
}

export const firefoxAvailable = () => existsSync(FIREFOX);
export const webkitAvailable = () => existsSync(WEBKIT_DRIVER) && Boolean(MINIBROWSER) && existsSync('/usr/bin/Xvfb');

const pause = (ms) => new Promise((done) => setTimeout(done, ms));

/** Polls `check` until it returns a truthy value (or throws after `timeout` ms). */
async function until(what, check, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}

/** A Chromium session over playwright-core (CDP). */
export async function chromiumSession(options) {
  const browser = await chromium.launch({ ...options, args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  const page = await context.newPage();
  // Every URL the page asked the browser for, for the specs that assert no network is used.
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  return wrap({
    version: browser.version(),
    requested: () => requested.slice(),
    open: (url) => page.goto(url),
    reload: () => page.reload(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    // Playwright's visibility check uses Element.checkVisibility (Chromium 105+); the session has
    // waited for the element already.
    click: (selector) => page.locator(selector).click({ force: true }),
    close: () => browser.close(),
  });
}

/** Firefox ESR over WebDriver BiDi (puppeteer-core), with a quiet profile. */
export async function firefoxSession() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.disabledForTesting': true,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'services.settings.server': 'http://127.0.0.1:9/',
      'browser.download.folderList': 2,
      'browser.download.dir': mkdtempSync(join(tmpdir(), 'ogi-firefox-downloads-')),
    },
  });
  const page = await browser.newPage();
  return wrap({
    version: await browser.version(),
    open: (url) => page.goto(url),
    reload: () => page.reload(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    type: (selector, text) => page.type(selector, text),
    click: (selector) => page.click(selector),
    close: () => browser.close(),
  });
}

/** WebKitGTK's MiniBrowser over classic WebDriver (WebKitWebDriver), on its own Xvfb display. */
export async function webkitSession() {
  let display = 90;
  while (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) display += 1;
  const xvfb = spawn('/usr/bin/Xvfb', [`:${display}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: `:${display}` } });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json).slice(0, 300)}`);
    return json.value;
  };
  const stop = () => { driver.kill('SIGKILL'); xvfb.kill('SIGKILL'); };
  try {
    await until('WebKitWebDriver', () => call('GET', '/status'), 15_000);
    const { sessionId } = await call('POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
    });
    const session = `/session/${sessionId}`;
    const element = async (selector) => Object.values(await call('POST', `${session}/element`, { using: 'css selector', value: selector }))[0];
    const evaluate = (fn, arg) => call('POST', `${session}/execute/sync`, { script: `return (${fn})(arguments[0]);`, args: [arg ?? null] });
    return wrap({
      version: (await evaluate(() => navigator.userAgent)).match(/Version\/[\d.]+/)?.[0] ?? 'WebKitGTK',
      open: (url) => call('POST', `${session}/url`, { url }),
      reload: () => call('POST', `${session}/refresh`, {}),
      evaluate,
      type: async (selector, text) => call('POST', `${session}/element/${await element(selector)}/value`, { text }),
      click: async (selector) => call('POST', `${session}/element/${await element(selector)}/click`, {}),
      close: async () => { await call('DELETE', session).catch(() => {}); stop(); },
    });
  } catch (error) {
    stop();
    throw error;
  }
}

/** The shared helpers on top of an engine's few primitives. */
function wrap(engine) {
  const session = {
    ...engine,
    until,
    waitFor: (selector, timeout) => until(selector, () => engine.evaluate((s) => Boolean(document.querySelector(s)), selector), timeout),
    value: (selector) => engine.evaluate((s) => document.querySelector(s)?.value, selector),
    text: (selector) => engine.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
    /** Opens a page and waits until the form can be typed into. */
    async ready(url) {
      if (url) await engine.open(url);
      await session.waitFor('html[data-app-ready="true"] [data-cell]', 60_000);
    },
    /**
     * Clicks an export and returns the file the page handed to the browser: its name, size and
     * first bytes, read back from the download link's Blob (the engine's own download then runs).
     */
    async download(selectors) {
      await engine.evaluate(() => {
        window.__handedOver = [];
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function handOver() {
          if (this.download) window.__handedOver.push({ name: this.download, href: this.href });
          return click.call(this);
        };
      });
      for (const selector of selectors) {
        await session.waitFor(selector);
        await engine.click(selector);
      }
      await until('the download', () => engine.evaluate(() => window.__handedOver.length > 0));
      return engine.evaluate(async () => {
        const { name, href } = window.__handedOver[0];
        const bytes = new Uint8Array(await (await fetch(href)).arrayBuffer());
        return { name, size: bytes.length, head: String.fromCharCode(...bytes.subarray(0, 4)) };
      });
    },
  };
  return session;
}
