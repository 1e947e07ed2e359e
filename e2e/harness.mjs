// Shared set-up for the end-to-end specs: the built page served on 127.0.0.1 and Debian's
// Chromium driven by playwright-core (no browser download). Each spec gets a fresh server and
// browser; helpers act as a person would, through the stable hooks of docs/page-hooks.md.
import { after, before } from 'node:test';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts the server and browser for one spec file; returns a handle filled in `before`. */
export function usePage({ dir = 'dist', prefix = '/', headers = {} } = {}) {
  const handle = { browser: null, server: null, url: null };
  before(async () => {
    handle.server = await serve(dir, 0, prefix, headers);
    handle.url = `http://127.0.0.1:${handle.server.address().port}${prefix}`;
    handle.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await handle.browser?.close();
    await new Promise((resolve) => handle.server?.close(resolve));
  });
  return handle;
}

/** Opens the page in a context and waits until it is interactive. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.errors = errors;
  await page.goto(url);
  await page.waitForSelector('html[data-app-ready="true"]');
  return page;
}

export const cell = (page, path) => page.locator(`[data-cell="${path}"]`);

/**
 * Answers the question the page asks before it uses a report of another body or not of the year
 * before (a fixture of 2021 is not last year's report today): use it after all.
 */
export async function useItAnyway(page) {
  const question = page.locator('[data-question]');
  await question.waitFor();
  await question.locator('[data-question-answer="yes"]').click();
}
export const field = (page, path) => page.locator(`[data-field="${path}"]`);
export const findings = (page, rule) =>
  page.locator(rule ? `[data-findings] [data-rule="${rule}"]` : '[data-findings] li');

/** Types into a cell key by key, as a person does. */
export async function typeInto(locator, text) {
  await locator.click();
  await locator.press('Control+A');
  await locator.press('Delete');
  await locator.pressSequentially(text);
}

/** The ISO time the page last saved, once it changes from `previous`. */
export async function savedAfter(page, previous) {
  await page.waitForFunction(
    (before) => {
      const value = document.querySelector('[data-saved-at]')?.getAttribute('data-saved-at');
      return value && value !== before;
    },
    previous ?? null,
  );
  return page.locator('[data-saved-at]').getAttribute('data-saved-at');
}

export const DRAFT_PREFIX = 'ogi-report:v1:draft:';

/** Runs the `ogi-report` CLI (built from the same core): { status, stdout, stderr }. */
export function runCli(...args) {
  return spawnSync('cargo', ['run', '-q', '-p', 'ogi-report-cli', '--', ...args], { encoding: 'utf8' });
}

/** Runs the CLI and returns its exit status. */
export function cli(...args) {
  return runCli(...args).status;
}

/** Clicks a control and returns the bytes of the download it starts. */
export async function downloadOf(page, locator) {
  const download = page.waitForEvent('download');
  await locator.click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: Buffer.concat(await (await file.createReadStream()).toArray()) };
}

/** Waits until the service worker controls the page and has finished precaching. */
export async function offlineReady(page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return Boolean(registration?.active && navigator.serviceWorker.controller);
  });
}
