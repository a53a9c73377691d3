import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { Topics } from '@api/platform/realtime/topics.js';
import { Factory, errorCode, gql, graphqlWsClient, startTestHub, subscribe, untilSubscribed, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';

interface Actor {
  user: TestUser;
  org: TestOrganisation;
}

const DAY = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const SESSION_FIELDS = 'id phase scheduleVersion viewerIsOrganiser slots { index isBreak startsAt }';
const AGENDA = `query($p: ID!, $tz: String) { matchmakingAgenda(participantId: $p, timeZone: $tz) { timeZone scheduleVersion items { startsAt endsAt counterpart { id organisationName } meeting { id startsAt endsAt table participantAName participantATimeZone participantBName participantBTimeZone chatChannelId roomUrl attendanceA attendanceB outcome } } } }`;

describe('matchmaking', () => {
  let hub: TestHub;
  let make: Factory;
  let prato: Actor, lanificio: Actor, medina: Actor, athens: Actor, amman: Actor, outsider: Actor;
  let sessionId: string;
  const participant = new Map<Actor, string>();

  const actor = async (name: string, country: string, kind = 'SME'): Promise<Actor> => {
    const user = await make.user({ displayName: name });
    return { user, org: await make.organisation(user, { name, country, kind }) };
  };
  const as = <T>(who: Actor, query: string, variables: Record<string, unknown> = {}) => gql<T>(hub.url, query, variables, who.user.accessToken);
  const move = (to: string) => as<{ moveMatchmakingSession: { phase: string } }>(prato, 'mutation($s: ID!, $to: SessionPhase!) { moveMatchmakingSession(sessionId: $s, to: $to) { phase } }', { s: sessionId, to });
  const register = (who: Actor, opportunities: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
    as<{ registerForMatchmaking: { id: string } }>(who, 'mutation($i: MatchmakingRegistrationInput!) { registerForMatchmaking(input: $i) { id organisationName opportunities { type } } }', {
      i: { sessionId, organisationId: who.org.id, languages: ['en'], opportunities, ...extra },
    });
  const requestMeeting = (from: Actor, to: Actor) =>
    as<{ requestMeeting: { id: string } }>(from, 'mutation($i: RequestMeetingInput!) { requestMeeting(input: $i) { id status } }', { i: { fromParticipantId: participant.get(from), toParticipantId: participant.get(to), message: 'Shall we talk?' } });
  const respond = (who: Actor, requestId: string, accept: boolean) =>
    as<{ respondToMeetingRequest: { status: string } }>(who, 'mutation($r: ID!, $a: Boolean!) { respondToMeetingRequest(requestId: $r, accept: $a) { status } }', { r: requestId, a: accept });
  const agenda = (who: Actor, of: Actor, timeZone?: string) =>
    as<{ matchmakingAgenda: { timeZone: string; scheduleVersion: number; items: { startsAt: string | null; counterpart: { id: string }; meeting: { id: string; startsAt: string | null; endsAt: string | null; table: number | null; participantAName: string; participantATimeZone: string; participantBName: string; participantBTimeZone: string; chatChannelId: string | null; roomUrl: string; attendanceA: string; attendanceB: string } }[] } }>(
      who,
      AGENDA,
      { p: participant.get(of), tz: timeZone },
    );

  beforeAll(async () => {
    hub = await startTestHub();
    make = new Factory(hub.url);
    prato = await actor('Comune di Prato (mm)', 'IT', 'MUNICIPALITY');
    lanificio = await actor('Lanificio (mm)', 'IT');
    medina = await actor('Atelier Médina (mm)', 'TN');
    athens = await actor('=HYPERLINK("x") Athens Studio', 'GR');
    amman = await actor('Amman Crafts (mm)', 'JO');
    outsider = await actor('Outsider (mm)', 'FR');
  });
  afterAll(() => hub.close());

  it('runs a session from draft to live: registration, marketplace, recommendations, requests, scheduling, agendas, calendar, dashboard', async () => {
    const create = (who: Actor) =>
      as<{ createMatchmakingSession: { id: string; phase: string; slots: { index: number; isBreak: boolean; startsAt: string }[] } }>(
        who,
        `mutation($i: CreateSessionInput!) { createMatchmakingSession(input: $i) { ${SESSION_FIELDS} } }`,
        {
          i: {
            organisationId: who.org.id,
            title: 'Prato–Tunis circular textiles matchmaking (test)',
            timeZone: 'Europe/Rome',
            days: [{ date: DAY, start: '09:00', end: '11:00', breaks: [{ start: '10:00', end: '10:20' }] }],
            slotMinutes: 20,
            tables: 2,
            maxMeetingsPerParticipant: 3,
            registrationDeadline: new Date(Date.now() + 3_600_000).toISOString(),
            requestDeadline: new Date(Date.now() + 7_200_000).toISOString(),
            languages: ['it', 'fr', 'en'],
          },
        },
      );
    // An SME cannot host a public session.
    expect(errorCode(await create(lanificio))).toBe('FORBIDDEN');
    const created = await create(prato);
    expect(created.errors).toBeUndefined();
    sessionId = created.data!.createMatchmakingSession.id;
    const slots = created.data!.createMatchmakingSession.slots;
    expect(slots.map((s) => s.isBreak)).toEqual([false, false, false, true, false, false]);
    // 09:00 in Rome in winter is 08:00 UTC.
    expect(slots[0]!.startsAt).toBe(`${DAY}T08:00:00.000Z`);
    // Drafts are the organisers' own.
    expect(errorCode(await as(outsider, 'query($id: ID!) { matchmakingSession(sessionId: $id) { id } }', { id: sessionId }))).toBe('NOT_FOUND');
    expect(errorCode(await register(lanificio, []))).toBe('NOT_FOUND');
    expect((await move('REGISTRATION')).data?.moveMatchmakingSession.phase).toBe('REGISTRATION');
    const skipped = await move('LIVE');
    expect(errorCode(skipped)).toBe('CONFLICT');
    // A lifecycle refusal names the phases the session may move to, for clients as for people.
    expect((skipped.errors?.[0] as { extensions?: { allowed?: string[] } } | undefined)?.extensions?.allowed).toEqual(['REQUESTS', 'CLOSED']);

    const wool = { direction: 'REQUEST', type: 'MATERIAL_EXCHANGE', title: 'Denim and cotton offcuts', subsectors: ['DESIGN_FASHION'], levers: ['LOOP'] };
    for (const [who, opportunities, languages] of [
      [lanificio, [wool, { direction: 'OFFER', type: 'EXPERTISE', title: 'Wool regeneration know-how', subsectors: ['DESIGN_FASHION'] }], ['it', 'en']],
      [medina, [{ direction: 'OFFER', type: 'MATERIAL_EXCHANGE', title: 'Denim offcuts from the Medina ateliers', subsectors: ['DESIGN_FASHION'], levers: ['LOOP'] }], ['ar', 'fr', 'en']],
      [athens, [{ direction: 'REQUEST', type: 'EXPERTISE', title: 'Regeneration for stage costumes', subsectors: ['PERFORMING_ARTS', 'DESIGN_FASHION'] }], ['el', 'en']],
      [amman, [{ direction: 'OFFER', type: 'FUNDING', title: 'Small grants' }], ['ar', 'en']],
    ] as [Actor, Record<string, unknown>[], string[]][]) {
      // Médina names its zone and a slot it cannot attend, by its start in Tunis time.
      const extra = who === medina ? { timeZone: 'Africa/Tunis', unavailableTimes: [`${DAY}T09:00:00+01:00`] } : {};
      const registered = await register(who, opportunities, { languages, ...extra });
      expect(registered.errors).toBeUndefined();
      participant.set(who, registered.data!.registerForMatchmaking.id);
    }
    const medinaAsSeen = await as<{ matchmakingParticipants: { timeZone: string; unavailableTimes: string[] }[] }>(outsider, 'query($s: ID!, $f: ParticipantFilterInput) { matchmakingParticipants(sessionId: $s, filter: $f) { timeZone unavailableTimes } }', { s: sessionId, f: { country: 'TN' } });
    expect(medinaAsSeen.data?.matchmakingParticipants).toEqual([{ timeZone: 'Africa/Tunis', unavailableTimes: [slots[0]!.startsAt] }]);
    // A time that is not the start of one of the session's slots is refused, naming it.
    for (const time of ['2020-01-01T00:00:00Z', `${DAY}T08:05:00Z`, `${DAY}T20:00:00+01:00`]) {
      const refused = await register(outsider, [], { unavailableTimes: [slots[1]!.startsAt, time] });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(refused.errors?.[0]?.extensions)).toContain('input.unavailableTimes.1');
    }
    expect(errorCode(await register(outsider, [], { timeZone: 'Mars/Olympus' }))).toBe('BAD_USER_INPUT');
    // Someone who is not a member of the organisation cannot register it.
    expect(errorCode(await as(outsider, 'mutation($i: MatchmakingRegistrationInput!) { registerForMatchmaking(input: $i) { id } }', { i: { sessionId, organisationId: medina.org.id, languages: ['en'], opportunities: [] } }))).toBe('FORBIDDEN');

    const market = await as<{ matchmakingParticipants: { organisationName: string }[] }>(outsider, 'query($s: ID!, $f: ParticipantFilterInput) { matchmakingParticipants(sessionId: $s, filter: $f) { organisationName } }', { s: sessionId, f: { type: 'MATERIAL_EXCHANGE', country: 'TN' } });
    expect(market.data?.matchmakingParticipants.map((p) => p.organisationName)).toEqual(['Atelier Médina (mm)']);
    const recommended = await as<{ matchmakingRecommendations: { participant: { organisationName: string }; score: number; reasons: string[] }[] }>(
      lanificio,
      'query($p: ID!) { matchmakingRecommendations(participantId: $p) { participant { organisationName } score reasons } }',
      { p: participant.get(lanificio) },
    );
    const ranked = recommended.data!.matchmakingRecommendations;
    expect(ranked.map((r) => r.participant.organisationName)).toEqual(['Atelier Médina (mm)', '=HYPERLINK("x") Athens Studio']);
    expect(ranked[0]!.reasons).toEqual(expect.arrayContaining(['Their offer “Denim offcuts from the Medina ateliers” answers your request “Denim and cotton offcuts”', 'Cross-border: IT ↔ TN']));
    // Recommendations are for one's own participation only.
    expect(errorCode(await as(medina, 'query($p: ID!) { matchmakingRecommendations(participantId: $p) { score } }', { p: participant.get(lanificio) }))).toBe('FORBIDDEN');

    // Requests: to oneself, twice, for someone else's participation: refused with a code.
    const toMedina = (await requestMeeting(lanificio, medina)).data!.requestMeeting.id;
    const toAthens = (await requestMeeting(lanificio, athens)).data!.requestMeeting.id;
    const medinaToAthens = (await requestMeeting(medina, athens)).data!.requestMeeting.id;
    const athensToAmman = (await requestMeeting(athens, amman)).data!.requestMeeting.id;
    expect(errorCode(await requestMeeting(lanificio, lanificio))).toBe('BAD_USER_INPUT');
    expect(errorCode(await requestMeeting(medina, lanificio))).toBe('CONFLICT');
    expect(errorCode(await as(outsider, 'mutation($i: RequestMeetingInput!) { requestMeeting(input: $i) { id } }', { i: { fromParticipantId: participant.get(lanificio), toParticipantId: participant.get(amman) } }))).toBe('FORBIDDEN');
    // Only the participant asked answers.
    expect(errorCode(await respond(lanificio, toMedina, true))).toBe('FORBIDDEN');
    expect((await respond(medina, toMedina, true)).data?.respondToMeetingRequest.status).toBe('ACCEPTED');
    expect((await respond(athens, toAthens, true)).data?.respondToMeetingRequest.status).toBe('ACCEPTED');
    expect((await respond(athens, medinaToAthens, true)).data?.respondToMeetingRequest.status).toBe('ACCEPTED');
    expect(errorCode(await respond(athens, medinaToAthens, false))).toBe('CONFLICT');

    expect((await move('REQUESTS')).data?.moveMatchmakingSession.phase).toBe('REQUESTS');
    expect(errorCode(await as(lanificio, 'mutation($s: ID!) { scheduleMatchmakingSession(sessionId: $s) { placed } }', { s: sessionId }))).toBe('FORBIDDEN');
    const scheduled = await as<{ scheduleMatchmakingSession: { placed: number; unplaced: number; upperBound: number } }>(prato, 'mutation($s: ID!) { scheduleMatchmakingSession(sessionId: $s) { placed unplaced upperBound } }', { s: sessionId });
    expect(scheduled.data?.scheduleMatchmakingSession).toEqual({ placed: 3, unplaced: 0, upperBound: 3 });
    // Requests closed with the schedule.
    expect(errorCode(await requestMeeting(amman, lanificio))).toBe('DEADLINE_PASSED');

    // Lanificio's agenda: two meetings in different slots, neither in the break, times in the user's zone.
    const mine = (await agenda(lanificio, lanificio)).data!.matchmakingAgenda;
    expect(mine.timeZone).toBe('Europe/Rome');
    expect(mine.items).toHaveLength(2);
    const slotOf = (startsAt: string | null) => slots.findIndex((s) => s.startsAt === startsAt);
    const usedSlots = mine.items.map((i) => slotOf(i.meeting.startsAt));
    expect(usedSlots.every((s) => s >= 0)).toBe(true);
    // Meetings carry both sides' names and time zones (the asking side is A).
    const withMedina = mine.items.find((i) => i.counterpart.id === participant.get(medina))!.meeting;
    expect(withMedina).toMatchObject({ participantAName: 'Lanificio (mm)', participantATimeZone: 'Europe/Rome', participantBName: 'Atelier Médina (mm)', participantBTimeZone: 'Africa/Tunis' });
    expect(Date.parse(withMedina.endsAt!) - Date.parse(withMedina.startsAt!)).toBe(20 * 60_000);
    expect(new Set(usedSlots).size).toBe(2);
    expect(usedSlots).not.toContain(3);
    expect(mine.items[0]!.startsAt).toMatch(new RegExp(`^${DAY}T(09|10):[0-9]{2}:00\\+01:00$`));
    expect(mine.items[0]!.meeting.roomUrl).toContain(mine.items[0]!.meeting.id);
    const inAmman = (await agenda(lanificio, lanificio, 'Asia/Amman')).data!.matchmakingAgenda;
    expect(inAmman.items[0]!.startsAt).toMatch(/\+03:00$/);
    // Each meeting has its chat channel, for both sides.
    expect(mine.items.every((i) => i.meeting.chatChannelId)).toBe(true);
    for (const side of [lanificio, medina]) {
      const history = await as<{ chatMessages: { messages: unknown[] } }>(side, 'query($c: ID!) { chatMessages(channelId: $c) { messages { id } } }', { c: withMedina.chatChannelId });
      expect(history.errors).toBeUndefined();
    }
    // Agendas are private to the participant and the organisers.
    expect(errorCode(await agenda(amman, lanificio))).toBe('FORBIDDEN');
    expect((await agenda(prato, lanificio)).data?.matchmakingAgenda.items).toHaveLength(2);

    // The calendar export parses as iCalendar, one event per placed meeting, at the slot's time.
    const ics = (await as<{ matchmakingAgendaCalendar: string }>(lanificio, 'query($p: ID!) { matchmakingAgendaCalendar(participantId: $p) }', { p: participant.get(lanificio) })).data!.matchmakingAgendaCalendar;
    const component = new ICAL.Component(ICAL.parse(ics));
    const events = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    const slotStarts = new Set(usedSlots.map((s) => slots[s]!.startsAt));
    for (const event of events) expect(slotStarts.has(event.startDate.toJSDate().toISOString())).toBe(true);
    expect(events.map((e) => e.summary).sort()[0]).toContain('meeting with');

    // A move that clashes is refused and names the clash; a free place is taken and the other side hears of it.
    const medinaMeeting = mine.items.find((i) => i.counterpart.id === participant.get(medina))!.meeting;
    const athensMeeting = mine.items.find((i) => i.counterpart.id === participant.get(athens))!.meeting;
    const moveTo = (meetingId: string, startsAt: string) => as<{ moveMatchmakingMeeting: { startsAt: string; pinned: boolean } }>(prato, 'mutation($i: MoveMeetingInput!) { moveMatchmakingMeeting(input: $i) { startsAt pinned } }', { i: { meetingId, startsAt } });
    const clash = await moveTo(medinaMeeting.id, athensMeeting.startsAt!);
    expect(errorCode(clash)).toBe('SCHEDULE_CLASH');
    expect(clash.errors?.[0]?.message).toMatch(/busy|meeting/i);
    // The break is a slot, so moving there clashes; a time that starts no slot (within one, after the last) is bad input.
    expect(errorCode(await moveTo(medinaMeeting.id, slots[3]!.startsAt))).toBe('SCHEDULE_CLASH');
    for (const time of [`${DAY}T08:10:00Z`, `${DAY}T20:00:00Z`]) {
      const nowhere = await moveTo(medinaMeeting.id, time);
      expect(errorCode(nowhere)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(nowhere.errors?.[0]?.extensions)).toContain('input.startsAt');
    }
    const live = graphqlWsClient(hub.url, medina.user.accessToken);
    const changes = subscribe<{ matchmakingAgendaChanged: { change: string; meetingId: string } }>(live, 'subscription($p: ID!) { matchmakingAgendaChanged(participantId: $p) { change meetingId scheduleVersion } }', { p: participant.get(medina) });
    await untilSubscribed(hub, Topics.matchmakingAgenda(participant.get(medina)!));
    const taken = new Set(usedSlots);
    const medinaSlots = new Set((await agenda(medina, medina)).data!.matchmakingAgenda.items.map((i) => slotOf(i.meeting.startsAt)));
    // Slot 0 is one Médina cannot attend.
    const free = [1, 2, 4, 5].find((s) => !taken.has(s) && !medinaSlots.has(s))!;
    // The time may come with any offset: here Rome's.
    const inRome = new Date(Date.parse(slots[free]!.startsAt) + 3_600_000).toISOString().replace('.000Z', '+01:00');
    const moved = await moveTo(medinaMeeting.id, inRome);
    expect(moved.data?.moveMatchmakingMeeting).toEqual({ startsAt: slots[free]!.startsAt, pinned: true });
    expect((await changes.next()).data?.matchmakingAgendaChanged).toMatchObject({ change: 'MEETING_MOVED', meetingId: medinaMeeting.id });
    changes.dispose();
    await live.dispose();

    // A late acceptance is placed around the announced meetings, which stay where they were.
    const before = new Map((await agenda(prato, athens)).data!.matchmakingAgenda.items.map((i) => [i.meeting.id, i.meeting.startsAt]));
    expect((await respond(amman, athensToAmman, true)).data?.respondToMeetingRequest.status).toBe('ACCEPTED');
    const after = (await agenda(prato, athens)).data!.matchmakingAgenda.items;
    expect(after).toHaveLength(3);
    for (const item of after) if (before.has(item.meeting.id)) expect(item.meeting.startsAt).toBe(before.get(item.meeting.id));
    expect(after.every((i) => i.meeting.startsAt !== null)).toBe(true);
    expect(new Set(after.map((i) => i.meeting.startsAt)).size).toBe(3);

    // Live: check-in, a no-show, then (once the meeting has started) an outcome.
    expect((await move('LIVE')).data?.moveMatchmakingSession.phase).toBe('LIVE');
    // The meeting is days away: check-in is not open yet, so "held" cannot be claimed ahead.
    const checkIn = () => as<{ checkInToMeeting: { attendanceA: string } }>(lanificio, 'mutation($m: ID!, $p: ID!) { checkInToMeeting(meetingId: $m, participantId: $p) { attendanceA attendanceB } }', { m: athensMeeting.id, p: participant.get(lanificio) });
    const early = await checkIn();
    expect(errorCode(early)).toBe('CONFLICT');
    expect(early.errors?.[0]?.message).toMatch(/^Check-in opens 15 minutes before the meeting, at /);
    expect(errorCode(await as(amman, 'mutation($m: ID!, $p: ID!) { markMeetingNoShow(meetingId: $m, absentParticipantId: $p) { id } }', { m: medinaMeeting.id, p: participant.get(medina) }))).toBe('FORBIDDEN');
    const noShow = await as<{ markMeetingNoShow: { attendanceB: string } }>(prato, 'mutation($m: ID!, $p: ID!) { markMeetingNoShow(meetingId: $m, absentParticipantId: $p) { attendanceB } }', { m: medinaMeeting.id, p: participant.get(medina) });
    expect(noShow.data?.markMeetingNoShow.attendanceB).toBe('NO_SHOW');
    const outcome = (who: Actor, meetingId: string) =>
      as<{ recordMeetingOutcome: { outcome: string } }>(who, 'mutation($i: OutcomeInput!) { recordMeetingOutcome(input: $i) { outcome outcomeNote } }', { i: { meetingId, participantId: participant.get(who), outcome: 'PARTNERSHIP', note: 'Pilot run of denim felt in March' } });
    expect(errorCode(await outcome(lanificio, athensMeeting.id))).toBe('CONFLICT');
    // Time passes: the session day is now yesterday (the test moves it in the database).
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await hub.hub.app.get(DataSource).query(`UPDATE mm_sessions SET days = jsonb_set(days, '{0,date}', to_jsonb($2::text)) WHERE id = $1`, [sessionId, yesterday]);
    expect((await outcome(lanificio, athensMeeting.id)).data?.recordMeetingOutcome.outcome).toBe('PARTNERSHIP');
    // And once the meeting is over, check-in has closed.
    const late = await checkIn();
    expect(errorCode(late)).toBe('DEADLINE_PASSED');
    expect(late.errors?.[0]?.message).toMatch(/^Check-in closed when the meeting ended, at /);

    // The organisers' figures and export; participants get neither.
    const dashboard = await as<{ matchmakingDashboard: Record<string, unknown> }>(
      prato,
      'query($s: ID!) { matchmakingDashboard(sessionId: $s) { registrations requests { total PENDING ACCEPTED DECLINED CANCELLED } acceptanceRate meetingsAccepted meetingsScheduled meetingsHeld crossBorderShare outcomes { outcome count } countriesBySubsector { country subsector participants } } }',
      { s: sessionId },
    );
    expect(dashboard.data?.matchmakingDashboard).toMatchObject({
      registrations: 4,
      requests: { total: 4, PENDING: 0, ACCEPTED: 4, DECLINED: 0, CANCELLED: 0 },
      acceptanceRate: 1,
      meetingsAccepted: 4,
      meetingsScheduled: 4,
      meetingsHeld: 0,
      crossBorderShare: 1,
    });
    expect(dashboard.data?.matchmakingDashboard.outcomes).toContainEqual({ outcome: 'PARTNERSHIP', count: 1 });
    expect(errorCode(await as(lanificio, 'query($s: ID!) { matchmakingDashboard(sessionId: $s) { registrations } }', { s: sessionId }))).toBe('FORBIDDEN');
    const csv = (await as<{ matchmakingMeetingsCsv: string }>(prato, 'query($s: ID!) { matchmakingMeetingsCsv(sessionId: $s) }', { s: sessionId })).data!.matchmakingMeetingsCsv;
    // A byte-order mark first, so spreadsheets read Arabic and Greek names as UTF-8.
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('meeting,slot,starts,ends,table,room_link,organisation_a,country_a,organisation_b,country_b,attendance_a,attendance_b,outcome,note,unplaced_reason');
    expect(lines).toHaveLength(5);
    const athensRow = lines.find((l) => l.startsWith(athensMeeting.id))!.split(',');
    expect(athensRow[3]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+01:00$/);
    expect(athensRow[5]).toBe(athensMeeting.roomUrl);
    // A name a spreadsheet would run as a formula is defused (and quoted, for its quotes).
    expect(csv).toContain(`"'=HYPERLINK(""x"") Athens Studio"`);
    expect(errorCode(await as(medina, 'query($s: ID!) { matchmakingMeetingsCsv(sessionId: $s) }', { s: sessionId }))).toBe('FORBIDDEN');
  });

  it('names its types without internal suffixes, its id arguments <thing>Id, and describes every kind of agenda change', async () => {
    const schema = await as<{ __schema: { types: { name: string }[]; queryType: { fields: { name: string; args: { name: string }[] }[] } }; changed: { fields: { name: string; type: { kind: string; ofType: { name: string; enumValues: { name: string; description: string | null }[] } } }[] } }>(
      outsider,
      '{ __schema { types { name } queryType { fields { name args { name } } } } changed: __type(name: "AgendaChanged") { fields { name type { kind ofType { name enumValues { name description } } } } } }',
    );
    const names = schema.data!.__schema.types.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['SessionDay', 'SessionBreak', 'SessionSlot', 'ScheduleSummary', 'AgendaChange']));
    expect(names.filter((n) => ['BreakModel', 'SessionDayModel', 'SessionSlotModel', 'ScheduleSummaryModel'].includes(n))).toEqual([]);
    const lookup = schema.data!.__schema.queryType.fields.find((f) => f.name === 'matchmakingSession')!;
    expect(lookup.args.map((a) => a.name)).toEqual(['sessionId']);
    const change = schema.data!.changed.fields.find((f) => f.name === 'change')!;
    expect(change.type.ofType.name).toBe('AgendaChange');
    const values = change.type.ofType.enumValues;
    expect(values.map((v) => v.name).sort()).toEqual(['ATTENDANCE', 'MEETING_ADDED', 'MEETING_CANCELLED', 'MEETING_MOVED', 'OUTCOME', 'PHASE', 'SCHEDULED']);
    for (const value of values) expect(value.description).toBeTruthy();
  });

  it('keeps each operation to the roles that may do it', async () => {
    const ops: [string, string, Record<string, unknown>][] = [
      ['dashboard', 'query($s: ID!) { matchmakingDashboard(sessionId: $s) { registrations } }', { s: sessionId }],
      ['csv', 'query($s: ID!) { matchmakingMeetingsCsv(sessionId: $s) }', { s: sessionId }],
      ['schedule', 'mutation($s: ID!) { scheduleMatchmakingSession(sessionId: $s) { placed } }', { s: sessionId }],
      ['agenda', 'query($p: ID!) { matchmakingAgenda(participantId: $p) { timeZone } }', { p: participant.get(lanificio) }],
      ['calendar', 'query($p: ID!) { matchmakingAgendaCalendar(participantId: $p) }', { p: participant.get(lanificio) }],
      ['requests', 'query($p: ID!) { meetingRequests(participantId: $p) { id } }', { p: participant.get(lanificio) }],
      ['recommendations', 'query($p: ID!) { matchmakingRecommendations(participantId: $p) { score } }', { p: participant.get(lanificio) }],
      ['update', 'mutation($s: ID!) { updateMatchmakingSession(sessionId: $s, input: { title: "Renamed" }) { id } }', { s: sessionId }],
      ['marketplace', 'query($s: ID!) { matchmakingParticipants(sessionId: $s) { id } }', { s: sessionId }],
    ];
    // The organiser, the participant itself, another participant, an outsider.
    const expected: Record<string, [string, string, string, string]> = {
      dashboard: ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
      csv: ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
      schedule: ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
      agenda: ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'],
      calendar: ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'],
      requests: ['FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN'],
      recommendations: ['FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN'],
      update: ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
      marketplace: ['ok', 'ok', 'ok', 'ok'],
    };
    const actual: Record<string, string[]> = {};
    for (const [name, query, variables] of ops) {
      actual[name] = [];
      for (const who of [prato, lanificio, medina, outsider]) {
        const result = await as(who, query, variables);
        actual[name]!.push(result.errors ? (errorCode(result) ?? 'error') : 'ok');
      }
    }
    expect(actual).toEqual(expected);
  });

  it('takes check-ins from 15 minutes before a meeting until its end, and counts meetings held', async () => {
    // Three 30-minute slots around now: the first has ended, the second is on, the third opens for check-in in about 5 minutes.
    const base = Math.floor(Date.now() / 60_000) * 60_000 - 40 * 60_000;
    const minuteOfDay = new Date(base).getUTCHours() * 60 + new Date(base).getUTCMinutes();
    // The three slots must fall on one local day: near midnight UTC, the day is set six hours behind.
    const [timeZone, shift] = minuteOfDay + 90 < 24 * 60 ? ['UTC', 0] : ['Etc/GMT+6', -6 * 3_600_000];
    const local = new Date(base + shift).toISOString();
    const end = new Date(base + shift + 90 * 60_000).toISOString();
    const created = await as<{ createMatchmakingSession: { id: string } }>(prato, 'mutation($i: CreateSessionInput!) { createMatchmakingSession(input: $i) { id } }', {
      i: {
        organisationId: prato.org.id,
        title: 'Check-in window',
        timeZone: 'Europe/Rome',
        days: [{ date: DAY, start: '09:00', end: '10:30', breaks: [] }],
        slotMinutes: 30,
        tables: 3,
        maxMeetingsPerParticipant: 3,
        registrationDeadline: new Date(Date.now() + 3_600_000).toISOString(),
        requestDeadline: new Date(Date.now() + 7_200_000).toISOString(),
      },
    });
    sessionId = created.data!.createMatchmakingSession.id;
    expect((await move('REGISTRATION')).data?.moveMatchmakingSession.phase).toBe('REGISTRATION');
    for (const who of [lanificio, medina, athens, amman, outsider, prato]) participant.set(who, (await register(who, [])).data!.registerForMatchmaking.id);
    const meet = async (a: Actor, b: Actor) => {
      const requestId = (await requestMeeting(a, b)).data!.requestMeeting.id;
      expect((await respond(b, requestId, true)).data?.respondToMeetingRequest.status).toBe('ACCEPTED');
    };
    await meet(lanificio, medina);
    await meet(athens, amman);
    await meet(outsider, prato);
    // The organiser moves the day to today, around now (structure may change until requests open).
    const updated = await as(prato, 'mutation($s: ID!, $i: UpdateSessionInput!) { updateMatchmakingSession(sessionId: $s, input: $i) { id } }', {
      s: sessionId,
      i: {
        timeZone,
        days: [{ date: local.slice(0, 10), start: local.slice(11, 16), end: end.slice(11, 16), breaks: [] }],
        registrationDeadline: new Date(base - 3_600_000).toISOString(),
        requestDeadline: new Date(base - 1_800_000).toISOString(),
      },
    });
    expect(updated.errors).toBeUndefined();
    expect((await move('REQUESTS')).data?.moveMatchmakingSession.phase).toBe('REQUESTS');
    expect((await move('SCHEDULED')).data?.moveMatchmakingSession.phase).toBe('SCHEDULED');
    // One meeting in each slot: ended, on, next.
    const meetingOf = async (who: Actor) => (await agenda(who, who)).data!.matchmakingAgenda.items[0]!.meeting.id;
    const [ended, on, next] = [await meetingOf(lanificio), await meetingOf(athens), await meetingOf(outsider)];
    const slotStarts = (await as<{ matchmakingSession: { slots: { startsAt: string }[] } }>(prato, 'query($s: ID!) { matchmakingSession(sessionId: $s) { slots { startsAt } } }', { s: sessionId })).data!.matchmakingSession.slots.map((s) => s.startsAt);
    for (const [meetingId, slot] of [[ended, 0], [on, 1], [next, 2]] as const) {
      const moved = await as(prato, 'mutation($i: MoveMeetingInput!) { moveMatchmakingMeeting(input: $i) { id } }', { i: { meetingId, startsAt: slotStarts[slot] } });
      expect(moved.errors).toBeUndefined();
    }
    const checkIn = (who: Actor, meetingId: string) => as<{ checkInToMeeting: { attendanceA: string; attendanceB: string } }>(who, 'mutation($m: ID!, $p: ID!) { checkInToMeeting(meetingId: $m, participantId: $p) { attendanceA attendanceB } }', { m: meetingId, p: participant.get(who) });
    // Not before the session is live.
    expect(errorCode(await checkIn(athens, on))).toBe('CONFLICT');
    expect((await move('LIVE')).data?.moveMatchmakingSession.phase).toBe('LIVE');
    expect((await checkIn(athens, on)).data?.checkInToMeeting.attendanceA).toBe('CHECKED_IN');
    expect((await checkIn(amman, on)).data?.checkInToMeeting).toEqual({ attendanceA: 'CHECKED_IN', attendanceB: 'CHECKED_IN' });
    expect(errorCode(await checkIn(lanificio, ended))).toBe('DEADLINE_PASSED');
    expect(errorCode(await checkIn(outsider, next))).toBe('CONFLICT');
    const dashboard = await as<{ matchmakingDashboard: { meetingsHeld: number; meetingsScheduled: number } }>(prato, 'query($s: ID!) { matchmakingDashboard(sessionId: $s) { meetingsHeld meetingsScheduled } }', { s: sessionId });
    expect(dashboard.data?.matchmakingDashboard).toEqual({ meetingsHeld: 1, meetingsScheduled: 3 });
  });

  it('lets a participant withdraw its registration until the session is scheduled, cancelling its requests and meetings', async () => {
    const created = await as<{ createMatchmakingSession: { id: string } }>(prato, 'mutation($i: CreateSessionInput!) { createMatchmakingSession(input: $i) { id } }', {
      i: {
        organisationId: prato.org.id,
        title: 'Withdrawals',
        timeZone: 'Europe/Rome',
        days: [{ date: DAY, start: '09:00', end: '11:00', breaks: [] }],
        slotMinutes: 20,
        tables: 3,
        maxMeetingsPerParticipant: 3,
        registrationDeadline: new Date(Date.now() + 3_600_000).toISOString(),
        requestDeadline: new Date(Date.now() + 7_200_000).toISOString(),
      },
    });
    sessionId = created.data!.createMatchmakingSession.id;
    await move('REGISTRATION');
    for (const who of [lanificio, medina, athens]) participant.set(who, (await register(who, [])).data!.registerForMatchmaking.id);
    const toMedina = (await requestMeeting(lanificio, medina)).data!.requestMeeting.id;
    expect((await respond(medina, toMedina, true)).data?.respondToMeetingRequest.status).toBe('ACCEPTED');
    await requestMeeting(athens, lanificio);
    const medinaMeeting = (await agenda(medina, medina)).data!.matchmakingAgenda.items[0]!.meeting.id;
    const withdraw = (who: Actor, of: Actor) =>
      as<{ withdrawMatchmakingRegistration: { id: string; myParticipations: { id: string }[] } }>(who, 'mutation($p: ID!) { withdrawMatchmakingRegistration(participantId: $p) { id myParticipations { id } } }', { p: participant.get(of) });

    // Only the participating organisation's members withdraw it.
    expect(errorCode(await withdraw(medina, lanificio))).toBe('FORBIDDEN');
    expect(errorCode(await withdraw(prato, lanificio))).toBe('FORBIDDEN');
    const live = graphqlWsClient(hub.url, medina.user.accessToken);
    const changes = subscribe<{ matchmakingAgendaChanged: { change: string; meetingId: string } }>(live, 'subscription($p: ID!) { matchmakingAgendaChanged(participantId: $p) { change meetingId } }', { p: participant.get(medina) });
    await untilSubscribed(hub, Topics.matchmakingAgenda(participant.get(medina)!));
    const withdrawn = await withdraw(lanificio, lanificio);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data?.withdrawMatchmakingRegistration).toEqual({ id: sessionId, myParticipations: [] });
    // The other side of the meeting hears of its cancellation, and its agenda is empty.
    expect((await changes.next()).data?.matchmakingAgendaChanged).toEqual({ change: 'MEETING_CANCELLED', meetingId: medinaMeeting });
    changes.dispose();
    await live.dispose();
    expect((await agenda(medina, medina)).data?.matchmakingAgenda.items).toEqual([]);
    // Its requests, sent and received, are gone from both sides; it is out of the marketplace and the figures.
    for (const who of [medina, athens]) {
      expect((await as<{ meetingRequests: unknown[] }>(who, 'query($p: ID!) { meetingRequests(participantId: $p) { id } }', { p: participant.get(who) })).data?.meetingRequests).toEqual([]);
    }
    const market = await as<{ matchmakingParticipants: { organisationName: string }[] }>(outsider, 'query($s: ID!) { matchmakingParticipants(sessionId: $s) { organisationName } }', { s: sessionId });
    expect(market.data?.matchmakingParticipants.map((p) => p.organisationName)).toEqual(['=HYPERLINK("x") Athens Studio', 'Atelier Médina (mm)']);
    expect((await as<{ matchmakingDashboard: { registrations: number } }>(prato, 'query($s: ID!) { matchmakingDashboard(sessionId: $s) { registrations } }', { s: sessionId })).data?.matchmakingDashboard.registrations).toBe(2);
    // Withdrawn is gone: again is NOT_FOUND; registering again while registration is open is allowed.
    expect(errorCode(await withdraw(lanificio, lanificio))).toBe('NOT_FOUND');
    participant.set(lanificio, (await register(lanificio, [])).data!.registerForMatchmaking.id);

    // Until the session is scheduled: then the schedule is announced, and a withdrawal is refused.
    expect((await move('REQUESTS')).data?.moveMatchmakingSession.phase).toBe('REQUESTS');
    expect((await withdraw(athens, athens)).errors).toBeUndefined();
    expect((await move('SCHEDULED')).data?.moveMatchmakingSession.phase).toBe('SCHEDULED');
    const late = await withdraw(medina, medina);
    expect(errorCode(late)).toBe('DEADLINE_PASSED');
    expect(late.errors?.[0]?.message).toMatch(/until the session is scheduled; the session is SCHEDULED/);
  });

  it('refuses requests and acceptances past the limits, and registration past its deadline', async () => {
    const session = async (overrides: Record<string, unknown>) => {
      const created = await as<{ createMatchmakingSession: { id: string } }>(prato, 'mutation($i: CreateSessionInput!) { createMatchmakingSession(input: $i) { id } }', {
        i: {
          organisationId: prato.org.id,
          title: 'Limits',
          timeZone: 'Africa/Tunis',
          days: [{ date: DAY, start: '09:00', end: '12:00', breaks: [] }],
          slotMinutes: 30,
          tables: 5,
          maxMeetingsPerParticipant: 1,
          registrationDeadline: new Date(Date.now() + 3_600_000).toISOString(),
          requestDeadline: new Date(Date.now() + 7_200_000).toISOString(),
          ...overrides,
        },
      });
      const id = created.data!.createMatchmakingSession.id;
      await as(prato, 'mutation($s: ID!) { moveMatchmakingSession(sessionId: $s, to: REGISTRATION) { id } }', { s: id });
      return id;
    };
    sessionId = await session({});
    for (const who of [lanificio, medina, athens, amman]) participant.set(who, (await register(who, [])).data!.registerForMatchmaking.id);
    // One meeting each: two open requests at most (room to be declined), then LIMIT_REACHED.
    const first = (await requestMeeting(lanificio, medina)).data!.requestMeeting.id;
    const second = (await requestMeeting(lanificio, athens)).data!.requestMeeting.id;
    expect(errorCode(await requestMeeting(lanificio, amman))).toBe('LIMIT_REACHED');
    expect((await respond(medina, first, true)).data?.respondToMeetingRequest.status).toBe('ACCEPTED');
    expect(errorCode(await respond(athens, second, true))).toBe('LIMIT_REACHED');
    // Withdrawn, the meeting frees the place.
    expect((await as<{ cancelMeetingRequest: { status: string } }>(medina, 'mutation($r: ID!) { cancelMeetingRequest(requestId: $r) { status } }', { r: first })).data?.cancelMeetingRequest.status).toBe('CANCELLED');
    expect((await respond(athens, second, true)).data?.respondToMeetingRequest.status).toBe('ACCEPTED');

    sessionId = await session({ registrationDeadline: new Date(Date.now() - 3_600_000).toISOString(), requestDeadline: new Date(Date.now() - 1_800_000).toISOString() });
    expect(errorCode(await register(lanificio, []))).toBe('DEADLINE_PASSED');
  });

  it('refuses bad session settings with the fields named', async () => {
    const bad = async (overrides: Record<string, unknown>) =>
      as(prato, 'mutation($i: CreateSessionInput!) { createMatchmakingSession(input: $i) { id } }', {
        i: {
          organisationId: prato.org.id,
          title: 'Bad',
          timeZone: 'Europe/Rome',
          days: [{ date: DAY, start: '09:00', end: '11:00', breaks: [] }],
          slotMinutes: 20,
          tables: 2,
          maxMeetingsPerParticipant: 3,
          registrationDeadline: new Date(Date.now() + 3_600_000).toISOString(),
          requestDeadline: new Date(Date.now() + 7_200_000).toISOString(),
          ...overrides,
        },
      });
    expect(errorCode(await bad({ timeZone: 'Mars/Olympus' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await bad({ days: [{ date: DAY, start: '11:00', end: '09:00', breaks: [] }] }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await bad({ days: [{ date: '2026-13-40', start: '09:00', end: '11:00', breaks: [] }] }))).toBe('BAD_USER_INPUT');
    // A day the calendar does not have is refused, not rolled over to 2 March; so is a time the clocks skip.
    const impossible = await bad({ days: [{ date: '2027-02-30', start: '09:00', end: '11:00', breaks: [] }], registrationDeadline: '2027-01-01T00:00:00Z', requestDeadline: '2027-01-02T00:00:00Z' });
    expect(errorCode(impossible)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(impossible.errors?.[0]?.extensions)).toContain('input.days.0.date');
    const skipped = await bad({ days: [{ date: '2027-03-28', start: '02:30', end: '05:00', breaks: [] }], registrationDeadline: '2027-01-01T00:00:00Z', requestDeadline: '2027-01-02T00:00:00Z' });
    expect(errorCode(skipped)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(skipped.errors?.[0]?.extensions)).toContain('input.days.0.start');
    expect(errorCode(await bad({ slotMinutes: 300 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await bad({ tables: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await bad({ requestDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString() }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await bad({ days: [{ date: DAY, start: '09:00', end: '09:10', breaks: [] }] }))).toBe('BAD_USER_INPUT');
  });
});
