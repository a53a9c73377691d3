import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { MeetingAttendance, MeetingOutcome, MeetingRequestStatus } from '@app/contracts';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingRepository } from './matchmaking.repository.js';
import { sessionSlots } from './session-slots.js';
import { formatInZone } from './zoned-time.js';
import { csvDocument } from './meetings-csv.js';

export interface Dashboard {
  registrations: number;
  requests: Record<MeetingRequestStatus, number> & { total: number };
  /** Accepted over answered (accepted + declined); null before any answer. */
  acceptanceRate: number | null;
  meetingsAccepted: number;
  meetingsScheduled: number;
  /** Both sides checked in. */
  meetingsHeld: number;
  /** Of scheduled meetings, the share between organisations of different countries; null without meetings. */
  crossBorderShare: number | null;
  countriesBySubsector: { country: string; subsector: string; participants: number }[];
  outcomes: { outcome: MeetingOutcome; count: number }[];
}

/** The organiser's figures and exports. */
@Injectable()
export class DashboardService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: MatchmakingRepository,
    private readonly access: MatchmakingAccessService,
  ) {}

  async dashboard(userId: string, sessionId: string): Promise<Dashboard> {
    await this.access.requireOrganiser(userId, sessionId);
    const [facts, requests, meetings] = await Promise.all([this.store.participantFacts(sessionId), this.store.requestsOfSession(sessionId), this.store.meetingsOfSession(sessionId)]);
    const countryOf = new Map(facts.map((f) => [f.id, f.country]));
    const byStatus = Object.fromEntries(Object.values(MeetingRequestStatus).map((s) => [s, requests.filter((r) => r.status === s).length])) as Record<MeetingRequestStatus, number>;
    const answered = byStatus.ACCEPTED + byStatus.DECLINED;
    const scheduled = meetings.filter((m) => m.slot !== null);
    const cross = scheduled.filter((m) => countryOf.get(m.participantAId) !== countryOf.get(m.participantBId)).length;
    const pairs = new Map<string, number>();
    for (const fact of facts) for (const subsector of fact.subsectors) pairs.set(`${fact.country}|${subsector}`, (pairs.get(`${fact.country}|${subsector}`) ?? 0) + 1);
    return {
      registrations: facts.length,
      requests: { total: requests.length, ...byStatus },
      acceptanceRate: answered ? byStatus.ACCEPTED / answered : null,
      meetingsAccepted: meetings.length,
      meetingsScheduled: scheduled.length,
      meetingsHeld: meetings.filter((m) => m.attendanceA === MeetingAttendance.CHECKED_IN && m.attendanceB === MeetingAttendance.CHECKED_IN).length,
      crossBorderShare: scheduled.length ? cross / scheduled.length : null,
      countriesBySubsector: [...pairs]
        .map(([key, participants]) => {
          const [country, subsector] = key.split('|') as [string, string];
          return { country, subsector, participants };
        })
        .sort((a, b) => a.country.localeCompare(b.country) || a.subsector.localeCompare(b.subsector)),
      outcomes: Object.values(MeetingOutcome).map((outcome) => ({ outcome, count: meetings.filter((m) => m.outcome === outcome).length })),
    };
  }

  /** Every meeting as a CSV row (see meetings-csv.ts: byte-order mark, formula-like cells defused), times in the session's zone. */
  async meetingsCsv(userId: string, sessionId: string): Promise<string> {
    const session = await this.access.requireOrganiser(userId, sessionId);
    const [facts, meetings] = await Promise.all([this.store.participantFacts(sessionId), this.store.meetingsOfSession(sessionId)]);
    const slots = sessionSlots(session.days, session.slotMinutes, session.timeZone);
    const fact = new Map(facts.map((f) => [f.id, f]));
    const rows = [['meeting', 'slot', 'starts', 'ends', 'table', 'room_link', 'organisation_a', 'country_a', 'organisation_b', 'country_b', 'attendance_a', 'attendance_b', 'outcome', 'note', 'unplaced_reason']];
    for (const m of meetings) {
      const slot = m.slot === null ? undefined : slots[m.slot];
      rows.push([
        m.id,
        m.slot === null ? '' : String(m.slot),
        slot ? formatInZone(slot.startsAt, session.timeZone) : '',
        slot ? formatInZone(slot.endsAt, session.timeZone) : '',
        m.tableNumber === null ? '' : String(m.tableNumber + 1),
        `${this.config.matchmaking.roomBaseUrl}${m.id}`,
        fact.get(m.participantAId)?.name ?? '',
        fact.get(m.participantAId)?.country ?? '',
        fact.get(m.participantBId)?.name ?? '',
        fact.get(m.participantBId)?.country ?? '',
        m.attendanceA,
        m.attendanceB,
        m.outcome ?? '',
        m.outcomeNote ?? '',
        m.unplacedReason ?? '',
      ]);
    }
    return csvDocument(rows);
  }
}
