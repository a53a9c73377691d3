import type { Browser, Page } from 'playwright-core';
import { launchBrowser, msg, newUser, screenshot, seriousViolations, type Lang } from './support/browser.js';
import { logIn, startDemoHub } from './support/demo-hub.js';

// Chat in the browser: Giulia (Comune di Prato, Italian interface) and Amira (Atelier Médina, Tunis,
// Arabic interface) in their network's general channel, on a real hub with the demo data, in Chromium.
const GIULIA = 'giulia@demo.innomed.example';
const AMIRA = 'amira@demo.innomed.example';
const FLOW_TIMEOUT = 240_000;
const NETWORK = 'Mediterranean circular creative network';

let stopHub: () => Promise<void>;
let url: string;
let browser: Browser;

beforeAll(async () => {
  const demo = await startDemoHub();
  stopHub = demo.stop;
  url = demo.hub.url;
  browser = await launchBrowser();
}, FLOW_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await stopHub?.();
});

/** Opens the network's general channel from the channel list and waits until the live stream is joined. */
async function openGeneralChannel(page: Page, lang: Lang): Promise<string> {
  await page.getByRole('link', { name: msg(lang, 'nav.chat') }).click();
  await page.getByRole('heading', { level: 1, name: msg(lang, 'chat.list.title') }).waitFor();
  await page.getByRole('link', { name: `${msg(lang, 'chat.kind.NETWORK_GENERAL')} · ${NETWORK}` }).click();
  await page.getByRole('heading', { level: 1, name: `${msg(lang, 'chat.kind.NETWORK_GENERAL')} · ${NETWORK}` }).waitFor();
  await live(page, lang);
  return new URL(page.url()).pathname;
}

async function live(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId('chat-connection').filter({ hasText: msg(lang, 'chat.connection.live') }).waitFor();
}

async function send(page: Page, lang: Lang, text: string): Promise<void> {
  await page.getByLabel(msg(lang, 'chat.composer.label')).fill(text);
  await page.getByRole('button', { name: msg(lang, 'chat.composer.send') }).click();
}

/** A message the hub has stored (not a pending one), found by its text. */
function stored(page: Page, text: string) {
  return page.locator('[data-testid=chat-message][data-status=sent]').filter({ hasText: text });
}

/** The channel as the page shows it: [seq, text] of every stored message, in display order. */
async function shownLog(page: Page): Promise<[number, string][]> {
  return (await page.evaluate(
    `[...document.querySelectorAll('[data-testid=chat-message][data-status=sent]')].map((e) => [Number(e.dataset.seq), e.querySelector('[data-testid=chat-body]').textContent.trim()])`,
  )) as [number, string][];
}

const HELLO = 'Buongiorno Amira! Domani spediamo i campioni di lana rigenerata da Prato: ecco la scheda https://example.org/scheda <img src="x" onerror="window.__pwned = true">';
const GREEK = 'Καλημέρα σε όλους, η Ελένη θα φέρει το πρότυπο για τις ροές υλικών στο εργαστήριο.';
const REPLY = 'شكرًا جوليا! سننتظر العينات في الورشة بالمدينة العتيقة ونرسل لكم الصور.';
const OFFLINE = ['الرسالة الأولى كتبتها دون اتصال بالشبكة.', 'الرسالة الثانية كتبتها دون اتصال أيضًا.', 'الرسالة الثالثة والأخيرة قبل عودة الاتصال.'];
const WHILE_AWAY = 'Giulia, hai visto le foto dei tappeti? Le ho appena caricate nella cartella condivisa.';

describe('chat in the browser', () => {
  it(
    'two people chat live; messages written offline survive a reload and arrive once, in order, in both browsers',
    async () => {
      const giulia = await newUser(browser, url, 'it', 'Europe/Rome');
      const amira = await newUser(browser, url, 'ar', 'Africa/Tunis');
      const prato = giulia.page;
      const tunis = amira.page;
      await logIn(prato, 'it', GIULIA);
      await logIn(tunis, 'ar', AMIRA);

      // The seeded channel has messages of others Giulia never read.
      await prato.getByRole('link', { name: msg('it', 'nav.chat') }).click();
      await prato.getByTestId('chat-channel').filter({ hasText: NETWORK }).getByTestId('chat-unread').waitFor();
      await prato.goto('/');
      const channelPath = await openGeneralChannel(prato, 'it');
      expect(await openGeneralChannel(tunis, 'ar')).toBe(channelPath);

      // Live both ways; each message in its own direction whatever the interface's, with its language.
      // Typing shows on the other side (relayed, never stored).
      await prato.getByLabel(msg('it', 'chat.composer.label')).pressSequentially('Buongiorno');
      await tunis.getByTestId('chat-typing').filter({ hasText: msg('ar', 'chat.typing') }).waitFor();
      await send(prato, 'it', HELLO);
      await stored(tunis, 'Buongiorno Amira').waitFor();
      await send(prato, 'it', GREEK);
      await stored(tunis, GREEK).waitFor();
      await send(tunis, 'ar', REPLY);
      await stored(prato, REPLY).waitFor();
      const hello = stored(tunis, 'Buongiorno Amira');
      // :dir() matches the direction the browser resolved for dir="auto".
      expect(await hello.locator('[data-testid=chat-body]:dir(ltr)').count()).toBe(1);
      expect(await stored(prato, REPLY).locator('[data-testid=chat-body]:dir(rtl)').count()).toBe(1);
      expect(await stored(tunis, GREEK).getByTestId('chat-body').getAttribute('dir')).toBe('auto');
      const italian = new Intl.DisplayNames(['ar'], { type: 'language' }).of('it')!;
      expect(await hello.getByTestId('chat-language').textContent()).toBe(msg('ar', 'chat.message.language').replace('{language}', italian));
      // Links open without handing over the page; the injected markup never runs.
      expect(await hello.getByRole('link').getAttribute('rel')).toContain('noopener');
      expect(await hello.locator('[onerror]').count()).toBe(0);
      expect(await tunis.evaluate('window.__pwned')).toBeUndefined();
      expect(await prato.evaluate('window.__pwned')).toBeUndefined();

      for (const [lang, page] of [['it', prato], ['ar', tunis]] as const) {
        expect({ lang, violations: await seriousViolations(page) }).toEqual({ lang, violations: [] });
        await screenshot(page, `${lang}-chat-channel`);
      }

      // Amira loses the network, writes three messages: each stays pending, kept in IndexedDB.
      await amira.context.setOffline(true);
      await tunis.getByTestId('chat-connection').filter({ hasText: msg('ar', 'chat.connection.offline') }).waitFor();
      for (const text of OFFLINE) {
        await send(tunis, 'ar', text);
        await tunis.locator('[data-testid=chat-message][data-status=pending]').filter({ hasText: text }).waitFor();
      }
      await screenshot(tunis, 'ar-chat-offline-pending');
      // A reload without a network ends the page (nothing of it stays in memory)...
      await expect(tunis.reload()).rejects.toThrow();
      // ...and when the network returns, the page opened again sends them from the outbox with their client ids.
      await amira.context.setOffline(false);
      await tunis.goto(channelPath);
      for (const text of OFFLINE) {
        await stored(tunis, text).waitFor();
        await stored(prato, text).waitFor();
      }
      await tunis.locator('[data-testid=chat-message][data-status=pending]').waitFor({ state: 'detached' });

      // Giulia's socket drops without a reload: on reconnection it catches up from its last seq.
      await giulia.context.setOffline(true);
      await prato.getByTestId('chat-connection').filter({ hasText: msg('it', 'chat.connection.offline') }).waitFor();
      await send(tunis, 'ar', WHILE_AWAY);
      await stored(tunis, WHILE_AWAY).waitFor();
      // Seeing the caught-up message moves her read marker.
      const markedRead = prato.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('MarkChatRead'));
      await giulia.context.setOffline(false);
      await live(prato, 'it');
      await stored(prato, WHILE_AWAY).waitFor();

      // Both browsers show the same channel: every message once, in seq order, with no gap.
      const shownIt = await shownLog(prato);
      const shownAr = await shownLog(tunis);
      expect(shownAr).toEqual(shownIt);
      const seqs = shownIt.map(([seq]) => seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
      const texts = shownIt.map(([, text]) => text);
      for (const text of [GREEK, REPLY, ...OFFLINE, WHILE_AWAY]) expect({ text, times: texts.filter((t) => t === text).length }).toEqual({ text, times: 1 });
      expect(texts.slice(-5)).toEqual([REPLY, ...OFFLINE, WHILE_AWAY]);
      await screenshot(prato, 'it-chat-after-reconnect');
      await screenshot(tunis, 'ar-chat-after-reconnect');

      // Read as far as the last message: the channel list no longer counts any unread there.
      expect(((await (await markedRead).json()) as { data: { markChatRead: number } }).data.markChatRead).toBe(seqs[seqs.length - 1]);
      await prato.getByRole('link', { name: msg('it', 'chat.list.title') }).click();
      const general = prato.getByTestId('chat-channel').filter({ hasText: NETWORK });
      await general.waitFor();
      expect(await general.getByTestId('chat-unread').count()).toBe(0);

      await giulia.context.close();
      await amira.context.close();
    },
    FLOW_TIMEOUT,
  );
});
