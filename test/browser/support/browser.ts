import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Real Chromium for the browser suites. Playwright's own browser download cannot run on these
 * machines, so the binary comes from the @sparticuz/chromium npm package (it ships inside the package
 * and is unpacked to the temp folder on first use): `npm ci && npm test` needs nothing else.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await chromium.executablePath();
  // --single-process (in chromium.args, meant for serverless) kills the browser when a second context
  // opens; the rest keep a machine without network from waiting on Google services.
  const args = [
    ...chromium.args.filter((a) => a !== '--single-process'),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  return playwright.launch({ executablePath, args, headless: true });
}

export type Lang = 'it' | 'el' | 'fr' | 'ar' | 'en';

/** A browser profile of its own (cookies, storage) in the given language, as a person's own device. */
export async function newUser(browser: Browser, hubUrl: string, lang: Lang, timezoneId = 'Europe/Rome'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: hubUrl, locale: lang, timezoneId, viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  recordSentFrames(page);
  return { context, page };
}

// WebSocket frames each page has sent, so a test can wait for "the page has subscribed" whichever
// socket carried it (the bell's subscription opens the socket long before a challenge page).
const sent = new WeakMap<Page, { frames: string[]; waiters: { test(f: string): boolean; done(): void }[] }>();
function recordSentFrames(page: Page): void {
  const state = { frames: [] as string[], waiters: [] as { test(f: string): boolean; done(): void }[] };
  sent.set(page, state);
  page.on('websocket', (socket) =>
    socket.on('framesent', (frame) => {
      const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString();
      state.frames.push(text);
      state.waiters = state.waiters.filter((w) => (w.test(text) ? (w.done(), false) : true));
    }),
  );
}

/** Resolves once the page has sent a WebSocket frame matching `test` (already sent counts). */
export function frameSent(page: Page, test: (frame: string) => boolean, timeoutMs = 30_000): Promise<void> {
  const state = sent.get(page)!;
  if (state.frames.some(test)) return Promise.resolve();
  return new Promise((resolveSent, reject) => {
    const timer = setTimeout(() => reject(new Error('the page sent no such WebSocket frame')), timeoutMs);
    state.waiters.push({ test, done: () => (clearTimeout(timer), resolveSent()) });
  });
}

// The interface's own catalogues: tests find controls by the label a user reads in that language.
const WEB_SRC = resolve(process.cwd(), 'apps/web/src');
function catalogueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return catalogueFiles(full);
    return /\/i18n\/[a-z]{2}\.json$/.test(full) ? [full] : [];
  });
}
const catalogues = new Map<string, Record<string, string>>();
export function msg(lang: Lang, key: string): string {
  if (!catalogues.has(lang)) {
    const merged = Object.assign({}, ...catalogueFiles(WEB_SRC).filter((f) => f.endsWith(`/${lang}.json`)).map((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>));
    catalogues.set(lang, merged);
  }
  const text = catalogues.get(lang)![key];
  if (text === undefined) throw new Error(`no ${lang} message ${key}`);
  return text;
}

const AXE = readFileSync(resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core (WCAG 2.x A and AA rules) on the current page; only serious and critical findings. */
export async function seriousViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  await page.addScriptTag({ content: AXE });
  // A string, not a function: the suites compile without the DOM types (they would change Node's fetch types).
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
}

/** Screenshots for a reviewer to look at; the folder is git-ignored. */
export const SCREENSHOTS = resolve(process.cwd(), 'test/browser/.screenshots');
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
