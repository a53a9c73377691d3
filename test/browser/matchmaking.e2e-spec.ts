import type { Browser, Page } from 'playwright-core';
import { gql } from '@app/testing';
import { frameSent, launchBrowser, msg, newUser, screenshot, seriousViolations, type Lang } from './support/browser.js';
import { DEMO_PASSWORD, logIn, startDemoHub } from './support/demo-hub.js';

// The participant side of matchmaking on the demo data: the seeded "Prato–Tunis circular textiles
// matchmaking" session (scheduled) where Amira's Atelier Médina Design in Tunis meets the Lanificio in
// Prato, EPEM in Athens and FPEC in Amman; Giulia administers the Lanificio.
const GIULIA = 'giulia@demo.innomed.example';
const AMIRA = 'amira@demo.innomed.example';
const RANIA = 'rania@demo.innomed.example';
const SESSION_TITLE = 'Prato–Tunis circular textiles matchmaking';
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

/** From the navigation to the demo session's page. */
async function openSession(page: Page, lang: Lang): Promise<string> {
  await page.getByRole('navigation').getByRole('link', { name: msg(lang, 'matchmaking.nav') }).click();
  await page.getByRole('heading', { level: 1, name: msg(lang, 'matchmaking.list.title') }).waitFor();
  await page.getByRole('link', { name: SESSION_TITLE }).click();
  await page.getByRole('heading', { level: 1, name: SESSION_TITLE }).waitFor();
  return new URL(page.url()).pathname;
}

async function noSeriousViolations(page: Page, name: string): Promise<void> {
  expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
}

/** A demo user's token and their (first) participation in the demo session, over plain HTTP. */
async function participation(email: string): Promise<{ token: string; participantId: string }> {
  const login = await gql<{ login: { accessToken: string } }>(url, 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email, password: DEMO_PASSWORD } });
  const token = login.data!.login.accessToken;
  const sessions = await gql<{ matchmakingSessions: { nodes: { title: string; myParticipations: { id: string }[] }[] } }>(url, '{ matchmakingSessions { nodes { title myParticipations { id } } } }', {}, token);
  return { token, participantId: sessions.data!.matchmakingSessions.nodes.find((s) => s.title === SESSION_TITLE)!.myParticipations[0]!.id };
}

/** The agenda as the hub gives it to Amira over plain HTTP, to compare the page with. */
async function amiraAgenda(): Promise<{ counterpart: { organisationName: string; timeZone: string }; meeting: { startsAt: string | null } }[]> {
  const { token, participantId } = await participation(AMIRA);
  const agenda = await gql<{ matchmakingAgenda: { items: { counterpart: { organisationName: string; timeZone: string }; meeting: { startsAt: string | null } }[] } }>(
    url,
    'query($participantId: ID!) { matchmakingAgenda(participantId: $participantId) { items { counterpart { organisationName timeZone } meeting { startsAt } } } }',
    { participantId },
    token,
  );
  return agenda.data!.matchmakingAgenda.items;
}

describe('matchmaking in the browser', () => {
  it(
    'a participant in Tunis, in Arabic, sees the agenda in her own time with the other side’s local time beside it, downloads it, and sees a cancellation arrive live',
    async () => {
      const amira = await newUser(browser, url, 'ar', 'Africa/Tunis');
      const page = amira.page;
      await logIn(page, 'ar', AMIRA);
      await openSession(page, 'ar');
      expect(await page.getByTestId('session-phase').textContent()).toBe(msg('ar', 'matchmaking.phase.SCHEDULED'));
      await noSeriousViolations(page, 'ar-matchmaking-session');
      await screenshot(page, 'ar-matchmaking-session');

      await page.getByTestId('my-participation').getByRole('link', { name: msg('ar', 'matchmaking.agenda.title') }).click();
      await page.getByRole('heading', { level: 1, name: msg('ar', 'matchmaking.agenda.title') }).waitFor();
      const expected = await amiraAgenda();
      expect(expected.map((i) => i.counterpart.timeZone).sort()).toEqual(['Asia/Amman', 'Europe/Athens', 'Europe/Rome']);
      await page.getByTestId('agenda-item').nth(expected.length - 1).waitFor();
      expect(await page.getByTestId('agenda-item').count()).toBe(expected.length);

      for (const item of expected) {
        const row = page.getByTestId('agenda-item').filter({ hasText: item.counterpart.organisationName });
        const startsAt = item.meeting.startsAt!;
        // The expected strings come from the page's own Intl (the same ICU that renders them), for
        // the instant the hub gave and the zones named here: Tunis for Amira, the counterpart's for them.
        const [mine, theirs] = (await page.evaluate(
          `[new Intl.DateTimeFormat('ar', { timeStyle: 'short', timeZone: 'Africa/Tunis' }).format(new Date(${JSON.stringify(startsAt)})),
            new Intl.DateTimeFormat('ar', { timeStyle: 'short', timeZone: ${JSON.stringify(item.counterpart.timeZone)} }).format(new Date(${JSON.stringify(startsAt)}))]`,
        )) as [string, string];
        expect(await row.getByTestId('agenda-time').textContent()).toContain(mine);
        expect(await row.getByTestId('agenda-their-time').textContent()).toContain(theirs);
        if (item.counterpart.timeZone === 'Asia/Amman') expect(theirs).not.toBe(mine);
      }
      await row0Links(page);
      await noSeriousViolations(page, 'ar-matchmaking-agenda');
      await screenshot(page, 'ar-matchmaking-agenda');

      // The iCalendar file comes down as a download and holds one event per placed meeting.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: msg('ar', 'matchmaking.agenda.download') }).click()]);
      expect(download.suggestedFilename()).toBe('agenda.ics');
      const path = await download.path();
      const { readFileSync } = await import('node:fs');
      const ics = readFileSync(path, 'utf8');
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(expected.filter((i) => i.meeting.startsAt).length);

      // The Lanificio withdraws the request Amira's meeting came of; without a reload her agenda
      // says so and the meeting goes.
      await frameSent(page, (frame) => frame.includes('"subscribe"') && frame.includes('matchmakingAgendaChanged'));
      const medina = await participation(AMIRA);
      const lanificio = await participation(GIULIA);
      const requests = await gql<{ meetingRequests: { id: string; fromParticipantId: string; status: string }[] }>(
        url,
        'query($participantId: ID!) { meetingRequests(participantId: $participantId) { id fromParticipantId status } }',
        { participantId: lanificio.participantId },
        lanificio.token,
      );
      const request = requests.data!.meetingRequests.find((r) => r.fromParticipantId === medina.participantId && r.status === 'ACCEPTED')!;
      const cancelled = await gql(url, 'mutation($requestId: ID!) { cancelMeetingRequest(requestId: $requestId) { id } }', { requestId: request.id }, lanificio.token);
      expect(cancelled.errors).toBeUndefined();
      await page.getByTestId('agenda-changed').filter({ hasText: msg('ar', 'matchmaking.agenda.changed.MEETING_CANCELLED') }).waitFor();
      await page.getByTestId('agenda-item').filter({ hasText: 'Lanificio Rigenera (demo)' }).waitFor({ state: 'detached' });
      await screenshot(page, 'ar-matchmaking-agenda-changed');
      await amira.context.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'an organisation in Prato, in Italian, browses the session and the marketplace; a refused registration speaks Italian next to the cause',
    async () => {
      const giulia = await newUser(browser, url, 'it', 'Europe/Rome');
      const page = giulia.page;
      await logIn(page, 'it', GIULIA);
      const sessionPath = await openSession(page, 'it');
      expect(await page.getByTestId('my-participation').textContent()).toContain('Lanificio Rigenera (demo)');
      // The session is in Rome like Giulia: one column of times, with the morning's break.
      await page.getByTestId('slots').getByText(msg('it', 'matchmaking.session.break')).waitFor();
      await noSeriousViolations(page, 'it-matchmaking-session');
      await screenshot(page, 'it-matchmaking-session');

      await page.getByRole('link', { name: msg('it', 'matchmaking.marketplace.title') }).click();
      await page.getByRole('heading', { level: 1, name: msg('it', 'matchmaking.marketplace.title') }).waitFor();
      await page.getByTestId('participant').filter({ hasText: 'Atelier Médina Design (demo)' }).waitFor();
      const everyone = await page.getByTestId('participant').count();
      expect(everyone).toBe(6);
      // Those with a material exchange: the Lanificio, the Atelier and FPEC.
      await page.getByLabel(msg('it', 'matchmaking.register.type')).selectOption({ label: msg('it', 'matchmaking.type.MATERIAL_EXCHANGE') });
      await page.getByRole('button', { name: msg('it', 'matchmaking.marketplace.apply') }).click();
      await page.getByTestId('participant').filter({ hasText: 'Environmental Planning' }).waitFor({ state: 'detached' });
      expect(await page.getByTestId('participant').count()).toBe(3);
      // Recommendations with their reasons, and the requests the Lanificio has.
      await page.getByTestId('recommendation').first().waitFor();
      expect(await page.getByTestId('recommendation').first().locator('li').count()).toBeGreaterThan(0);
      await page.getByTestId('request-received').first().waitFor();
      // Requests close once the schedule is out: the hub's refusal, in Italian, under the form.
      const atelier = page.getByTestId('participant').filter({ hasText: 'Atelier Médina Design (demo)' });
      await atelier.getByRole('button', { name: msg('it', 'matchmaking.request.open') }).click();
      await atelier.getByLabel(msg('it', 'matchmaking.request.message')).fill('Possiamo fornire filato rigenerato per i vostri tappeti.');
      await atelier.getByRole('button', { name: msg('it', 'matchmaking.request.send') }).click();
      await atelier.getByRole('alert').filter({ hasText: msg('it', 'common.errors.DEADLINE_PASSED') }).waitFor();
      await noSeriousViolations(page, 'it-matchmaking-marketplace');
      await screenshot(page, 'it-matchmaking-marketplace');

      // The session is scheduled, so the hub refuses a registration; an empty title is refused first,
      // next to the title, in Italian.
      await page.goto(`${sessionPath}/register`);
      await page.getByRole('heading', { level: 1, name: msg('it', 'matchmaking.register.edit') }).waitFor();
      const first = page.getByTestId('opportunity').first();
      const title = first.getByLabel(msg('it', 'matchmaking.register.opportunityTitle'));
      // Prefilled with the Lanificio's registration.
      const original = await title.inputValue();
      expect(['Regenerated wool yarn and felt', 'Designers for felt interior products', 'Mechanical recycling know-how']).toContain(original);
      await title.fill('');
      await page.getByRole('button', { name: msg('it', 'matchmaking.register.submit') }).click();
      await first.getByRole('alert').filter({ hasText: msg('it', 'common.errors.BAD_USER_INPUT') }).waitFor();
      expect(await title.getAttribute('aria-invalid')).toBe('true');
      await title.fill(original);
      await page.getByRole('button', { name: msg('it', 'matchmaking.register.submit') }).click();
      await page.locator('.form-error').filter({ hasText: msg('it', 'common.errors.CONFLICT') }).waitFor();
      await noSeriousViolations(page, 'it-matchmaking-register');
      await screenshot(page, 'it-matchmaking-register');
      await giulia.context.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'a participant in Amman, in Arabic, accepts the meeting request waiting for her, and the meeting joins her agenda',
    async () => {
      const rania = await newUser(browser, url, 'ar', 'Asia/Amman');
      const page = rania.page;
      await logIn(page, 'ar', RANIA);
      await openSession(page, 'ar');
      await page.getByRole('link', { name: msg('ar', 'matchmaking.marketplace.title') }).click();
      const pending = page.getByTestId('request-received').filter({ hasText: msg('ar', 'matchmaking.requestStatus.PENDING') });
      await pending.filter({ hasText: 'CRESM' }).waitFor();
      await pending.getByRole('button', { name: msg('ar', 'matchmaking.requests.accept') }).click();
      await page.getByTestId('request-received').filter({ hasText: 'CRESM' }).filter({ hasText: msg('ar', 'matchmaking.requestStatus.ACCEPTED') }).waitFor();
      await screenshot(page, 'ar-matchmaking-request-accepted');
      await page.goBack();
      await page.getByTestId('my-participation').getByRole('link', { name: msg('ar', 'matchmaking.agenda.title') }).click();
      await page.getByTestId('agenda-item').filter({ hasText: 'CRESM' }).waitFor();
      await rania.context.close();
    },
    FLOW_TIMEOUT,
  );
});

/** Each placed meeting has its table and its video room. */
async function row0Links(page: Page): Promise<void> {
  const row = page.getByTestId('agenda-item').first();
  await row.getByRole('link', { name: msg('ar', 'matchmaking.agenda.room') }).waitFor();
  expect(await row.textContent()).toMatch(new RegExp(msg('ar', 'matchmaking.agenda.table').replace('{table}', '\\S+')));
}
