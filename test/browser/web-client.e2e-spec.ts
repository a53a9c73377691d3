import type { Browser, Page } from 'playwright-core';
import { frameSent, launchBrowser, msg, newUser, screenshot, seriousViolations, type Lang } from './support/browser.js';
import { DEMO_PASSWORD, logIn, startDemoHub } from './support/demo-hub.js';

// The web client as its users meet it: a real hub process with the demo data serving the built client,
// driven in real Chromium. Giulia runs the Comune di Prato (Italian interface), Amira the Atelier
// Médina Design in Tunis (Arabic interface), Eleni an expert consultancy in Athens (Greek interface).
const GIULIA = 'giulia@demo.innomed.example';
const AMIRA = 'amira@demo.innomed.example';
const ELENI = 'eleni@demo.innomed.example';
const FLOW_TIMEOUT = 180_000;

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

/** The page has asked the hub for this challenge's live activity over graphql-ws. */
function subscribed(page: Page, challengeId: string): Promise<void> {
  return frameSent(page, (frame) => frame.includes('"subscribe"') && frame.includes('challengeActivity') && frame.includes(challengeId));
}

const TITLE = 'Feltro di cardatura dagli scarti di lana rigenerata';
const ANSWER = 'نستطيع تحويل اللباد إلى مقاعد ووسائد في ورشتنا بالمدينة العتيقة، ٢٠ قطعة شهريًا.';
let challengePath = '';

describe('web client', () => {
  it(
    'an Italian municipality officer posts a challenge; an SME in Tunis, in Arabic, finds it by search and answers; the officer sees the answer live',
    async () => {
      const giulia = await newUser(browser, url, 'it', 'Europe/Rome');
      const officer = giulia.page;
      await logIn(officer, 'it', GIULIA);
      expect(await officer.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual(['it', 'ltr']);

      await officer.getByRole('link', { name: msg('it', 'challenges.new.title') }).click();
      await officer.getByLabel(msg('it', 'challenges.form.organisation')).selectOption({ label: 'Comune di Prato' });
      await officer.getByLabel(msg('it', 'challenges.form.network')).selectOption({ label: 'Mediterranean circular creative network' });
      await officer.getByLabel(msg('it', 'challenges.form.title')).fill(TITLE);
      await officer
        .getByRole('textbox', { name: msg('it', 'challenges.form.description') })
        .fill('Il distretto produce **2 tonnellate al mese** di feltro dalla cardatura.\n\n<img src="x" onerror="window.__pwned = true">\n\n- sedute\n- pannelli');
      // The preview renders the Markdown and drops what could run script.
      await officer.getByRole('button', { name: msg('it', 'common.preview') }).click();
      const preview = officer.getByRole('region', { name: msg('it', 'common.preview') });
      await expect(preview.locator('strong').textContent()).resolves.toBe('2 tonnellate al mese');
      expect(await preview.locator('[onerror]').count()).toBe(0);
      expect(await officer.evaluate('window.__pwned')).toBeUndefined();
      await officer.getByRole('button', { name: msg('it', 'common.write') }).click();
      await officer.getByLabel(msg('it', 'challenges.lever.LOOP')).check();
      await officer.getByLabel(msg('it', 'challenges.form.materials')).fill('lana, feltro');
      await officer.getByRole('button', { name: msg('it', 'challenges.new.submit') }).click();
      await officer.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      challengePath = new URL(officer.url()).pathname;
      expect(challengePath).toMatch(/^\/challenges\/[0-9a-f-]{36}$/);
      // Published at once (the hub stores it as a draft, the form opens it), so the network sees it.
      expect(await officer.getByTestId('challenge-status').textContent()).toBe(msg('it', 'challenges.status.OPEN'));
      await subscribed(officer, challengePath.split('/').pop()!);

      const amira = await newUser(browser, url, 'ar', 'Africa/Tunis');
      const sme = amira.page;
      await logIn(sme, 'ar', AMIRA);
      expect(await sme.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual(['ar', 'rtl']);
      await sme.getByLabel(msg('ar', 'challenges.feed.search')).fill('cardatura');
      await sme.getByRole('button', { name: msg('ar', 'challenges.feed.searchSubmit') }).click();
      // The challenge is written in Italian: the language filter keeps it for Italian only.
      await sme.getByLabel(msg('ar', 'challenges.form.language')).selectOption('ar');
      await sme.getByText(msg('ar', 'challenges.feed.empty')).waitFor();
      await sme.getByLabel(msg('ar', 'challenges.form.language')).selectOption('it');
      await sme.getByRole('link', { name: TITLE }).click();
      await sme.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await sme.getByLabel(msg('ar', 'challenges.answer.as')).selectOption({ label: 'Atelier Médina Design (demo)' });
      await sme.getByRole('textbox', { name: msg('ar', 'challenges.answer.body') }).fill(ANSWER);
      await sme.getByRole('button', { name: msg('ar', 'challenges.answer.submit') }).click();
      await sme.getByTestId('answer').filter({ hasText: ANSWER }).waitFor();

      // No reload on the officer's side: the answer arrives through the subscription, and so does
      // the notification that lights the bell.
      await officer.getByTestId('answer').filter({ hasText: ANSWER }).waitFor();
      await officer.getByTestId('unread-count').waitFor();
      await screenshot(officer, 'it-challenge-answered-live');
      await screenshot(sme, 'ar-challenge-answered');

      // A lost connection shows a banner, which goes by itself once the hub answers again.
      await giulia.context.setOffline(true);
      await officer.getByRole('button', { name: msg('it', 'challenges.follow') }).click();
      await officer.getByTestId('connection-banner').waitFor();
      await officer.getByText(msg('it', 'common.errors.NETWORK')).waitFor();
      expect(await officer.getByTestId('connection-banner').textContent()).toBe(msg('it', 'common.offline'));
      await giulia.context.setOffline(false);
      await officer.getByTestId('connection-banner').waitFor({ state: 'detached' });

      // The notification is worded by the hub in the first preferred language; choosing Arabic in
      // the switcher makes Arabic the first, and the list shows the hub's Arabic wording.
      await officer.goto('/notifications');
      const notification = officer.getByTestId('notification-text').filter({ hasText: TITLE }).first();
      await notification.filter({ hasText: `Nuova risposta alla sfida «${TITLE}»` }).waitFor();
      await officer.getByLabel(msg('it', 'common.language')).selectOption('ar');
      await notification.filter({ hasText: `إجابة جديدة على التحدي «${TITLE}»` }).waitFor();
      expect(await notification.getAttribute('lang')).toBe('ar');
      expect(await officer.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual(['ar', 'rtl']);
      await officer.getByLabel(msg('ar', 'common.language')).selectOption('it');
      await notification.filter({ hasText: `Nuova risposta alla sfida «${TITLE}»` }).waitFor();

      await giulia.context.close();
      await amira.context.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'an expired session asks to log in again over the page, and what was typed is still there',
    async () => {
      const amira = await newUser(browser, url, 'ar', 'Africa/Tunis');
      const page = amira.page;
      // The page's clock, so the test can move it past the access token's expiry.
      await amira.context.clock.install();
      await logIn(page, 'ar', AMIRA);
      await page.goto(challengePath);
      const draft = 'إجابة ثانية كتبتها قبل انتهاء الجلسة.';
      await page.getByRole('textbox', { name: msg('ar', 'challenges.answer.body') }).fill(draft);

      // The session ends on the hub (as a logout on another device would): its refresh tokens stop working.
      const session = JSON.parse((await page.evaluate("localStorage.getItem('innomed.session')")) as string) as { accessToken: string };
      const logout = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` }, body: JSON.stringify({ query: 'mutation { logout }' }) });
      expect(((await logout.json()) as { data?: { logout: boolean } }).data?.logout).toBe(true);
      await page.clock.fastForward('20:00');

      await page.getByRole('button', { name: msg('ar', 'challenges.answer.submit') }).click();
      const dialog = page.getByRole('dialog', { name: msg('ar', 'auth.expired.title') });
      await dialog.waitFor();
      expect(await page.getByRole('textbox', { name: msg('ar', 'challenges.answer.body') }).inputValue()).toBe(draft);
      await dialog.getByLabel(msg('ar', 'auth.email')).fill(AMIRA);
      await dialog.getByLabel(msg('ar', 'auth.password')).fill(DEMO_PASSWORD);
      await dialog.getByRole('button', { name: msg('ar', 'auth.login.submit') }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await page.getByRole('textbox', { name: msg('ar', 'challenges.answer.body') }).inputValue()).toBe(draft);
      await page.getByRole('button', { name: msg('ar', 'challenges.answer.submit') }).click();
      await page.getByTestId('answer').filter({ hasText: draft }).waitFor();
      await amira.context.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'an expert accepts an invitation to an organisation',
    async () => {
      const giulia = await newUser(browser, url, 'it');
      await logIn(giulia.page, 'it', GIULIA);
      await giulia.page.getByRole('link', { name: msg('it', 'nav.organisations') }).click();
      await giulia.page.getByRole('link', { name: 'Comune di Prato' }).click();
      await giulia.page.getByRole('heading', { level: 1, name: 'Comune di Prato' }).waitFor();
      await giulia.page.getByLabel(msg('it', 'auth.email')).fill(ELENI);
      await giulia.page.getByRole('button', { name: msg('it', 'organisations.invite.submit') }).click();
      await giulia.page.getByText(ELENI, { exact: false }).last().waitFor();

      const eleni = await newUser(browser, url, 'el', 'Europe/Athens');
      await logIn(eleni.page, 'el', ELENI);
      await eleni.page.goto('/invitations');
      const invitation = eleni.page.getByTestId('invitation').filter({ hasText: 'Comune di Prato' });
      await invitation.getByRole('button', { name: msg('el', 'organisations.invitations.accept') }).click();
      await invitation.waitFor({ state: 'detached' });
      await eleni.page.goto('/organisations');
      await eleni.page.getByRole('link', { name: 'Comune di Prato' }).waitFor();
      await giulia.context.close();
      await eleni.context.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'a wrong value is explained next to its field, in the user’s language',
    async () => {
      const visitor = await newUser(browser, url, 'ar', 'Africa/Tunis');
      const page = visitor.page;
      await page.goto('/signup');
      await page.getByLabel(msg('ar', 'auth.displayName')).fill('مستخدم تجريبي');
      await page.getByLabel(msg('ar', 'auth.email')).fill('not-an-email');
      await page.getByLabel(msg('ar', 'auth.password')).fill('long-enough-password');
      await page.getByRole('button', { name: msg('ar', 'auth.signup.submit') }).click();
      const error = page.locator('.field .field-error');
      await error.waitFor();
      expect(await error.textContent()).toBe(msg('ar', 'common.errors.BAD_USER_INPUT'));
      expect(await page.getByLabel(msg('ar', 'auth.email')).getAttribute('aria-invalid')).toBe('true');
      await visitor.context.close();
    },
    FLOW_TIMEOUT,
  );

  it.each([
    ['ar' as Lang, AMIRA, 'Africa/Tunis'],
    ['it' as Lang, GIULIA, 'Europe/Rome'],
  ])(
    'every page in %s has no serious or critical accessibility violation and fits 360 px',
    async (lang, email, timeZone) => {
      const visitor = await newUser(browser, url, lang, timeZone);
      const page = visitor.page;
      const check = async (name: string) => {
        await page.locator('main h1').first().waitFor();
        await page.locator('.loading').waitFor({ state: 'detached' });
        expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
        await screenshot(page, `${lang}-${name}`);
      };
      for (const [name, path] of [['welcome', '/'], ['login', '/login'], ['signup', '/signup']] as const) {
        await page.goto(path);
        await check(name);
      }
      await logIn(page, lang, email);
      await page.getByRole('link', { name: msg(lang, 'nav.networks') }).click();
      await page.getByRole('link', { name: 'Mediterranean circular creative network' }).waitFor();
      const networkPath = await page.getByRole('link', { name: 'Mediterranean circular creative network' }).getAttribute('href');
      await page.getByRole('link', { name: msg(lang, 'nav.organisations') }).click();
      const organisationLink = page.locator('main .card a[href^="/organisations/"]').first();
      await organisationLink.waitFor();
      const organisationPath = await organisationLink.getAttribute('href');
      const pages: [string, string][] = [
        ['challenges', '/'],
        ['challenge', challengePath],
        ['challenge-new', '/challenges/new'],
        ['challenge-edit', `${challengePath}/edit`],
        ['profile', '/profile'],
        ['notifications', '/notifications'],
        ['organisations', '/organisations'],
        ['organisation', organisationPath!],
        ['organisation-new', '/organisations/new'],
        ['invitations', '/invitations'],
        ['networks', '/networks'],
        ['network', networkPath!],
      ];
      for (const [name, path] of pages) {
        await page.goto(path);
        await check(name);
      }
      // Usable on a small phone: nothing wider than the screen.
      await page.setViewportSize({ width: 360, height: 740 });
      for (const path of ['/', challengePath]) {
        await page.goto(path);
        await page.locator('main h1').first().waitFor();
        expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(360);
      }
      await screenshot(page, `${lang}-challenge-360px`);
      await visitor.context.close();
    },
    FLOW_TIMEOUT,
  );
});
