import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CciSubsector, MeetingRequestStatus, OpportunityDirection as D, OpportunityType as T, ResolveLever as L, SessionPhase } from '@app/contracts';
import { MatchmakingSessionEntity, type SessionDay } from '@api/modules/matchmaking/session.entity.js';
import { ParticipantEntity } from '@api/modules/matchmaking/participant.entity.js';
import { OpportunityEntity } from '@api/modules/matchmaking/opportunity.entity.js';
import { MeetingRequestEntity } from '@api/modules/matchmaking/meeting-request.entity.js';
import { MeetingEntity } from '@api/modules/matchmaking/meeting.entity.js';
import { sessionSlots } from '@api/modules/matchmaking/session-slots.js';
import { schedule } from '@api/modules/matchmaking/scheduling/index.js';
import type { DemoOrganisationKey } from './demo-data.js';

type Opp = [D, T, string, CciSubsector[], L[]];

/** Who takes part, as whom, with what on offer and what they look for. */
const PARTICIPANTS: { org: DemoOrganisationKey; contact: string; timeZone: string; languages: string[]; profile: string; unavailable: number[]; opportunities: Opp[] }[] = [
  {
    org: 'lanificio',
    contact: 'marco@demo.innomed.example',
    timeZone: 'Europe/Rome',
    languages: ['it', 'en'],
    profile: 'Wool regeneration from used garments and offcuts, 2 t/month.',
    unavailable: [0],
    opportunities: [
      [D.OFFER, T.MATERIAL_EXCHANGE, 'Regenerated wool yarn and felt', [CciSubsector.DESIGN_FASHION], [L.LOOP]],
      [D.REQUEST, T.CUSTOMER, 'Designers for felt interior products', [CciSubsector.DESIGN_INTERIOR], [L.LOOP]],
      [D.OFFER, T.EXPERTISE, 'Mechanical recycling know-how', [CciSubsector.DESIGN_FASHION], [L.REGENERATE]],
    ],
  },
  {
    org: 'medina',
    contact: 'amira@demo.innomed.example',
    timeZone: 'Africa/Tunis',
    languages: ['ar', 'fr', 'en'],
    profile: 'Design studio in the Medina of Tunis: rugs, upholstery, small furniture.',
    unavailable: [],
    opportunities: [
      [D.REQUEST, T.MATERIAL_EXCHANGE, 'Regenerated yarn for hand-woven rugs', [CciSubsector.DESIGN_INTERIOR, CciSubsector.ARTISTIC_CRAFTS], [L.LOOP]],
      [D.OFFER, T.CUSTOMER, 'A design line in felt', [CciSubsector.DESIGN_INTERIOR], [L.LOOP]],
    ],
  },
  {
    org: 'epem',
    contact: 'eleni@demo.innomed.example',
    timeZone: 'Europe/Athens',
    languages: ['el', 'en'],
    profile: 'Circular-economy consultancy: material-flow analysis and take-back schemes.',
    unavailable: [5, 6],
    opportunities: [
      [D.OFFER, T.EXPERTISE, 'Material-flow analysis of a workshop', [CciSubsector.DESIGN_FASHION, CciSubsector.ARTISTIC_CRAFTS], [L.OPTIMISE, L.LOOP]],
      [D.REQUEST, T.PARTNERSHIP, 'Pilot SMEs for a take-back scheme', [CciSubsector.DESIGN_FASHION], [L.LOOP]],
    ],
  },
  {
    org: 'cresm',
    contact: 'marco@demo.innomed.example',
    timeZone: 'Europe/Rome',
    languages: ['it', 'fr'],
    profile: 'Local development research; runs craft workshops in western Sicily.',
    unavailable: [],
    opportunities: [
      [D.REQUEST, T.EXPERTISE, 'Circular methods for craft workshops', [CciSubsector.ARTISTIC_CRAFTS], [L.REGENERATE]],
      [D.OFFER, T.PARTNERSHIP, 'Training partnership in Gibellina', [CciSubsector.ARTISTIC_CRAFTS], [L.SHARE]],
    ],
  },
  {
    org: 'bzu',
    contact: 'yousef@demo.innomed.example',
    timeZone: 'Asia/Hebron',
    languages: ['ar', 'en'],
    profile: 'Architecture department: reuse of stone and building materials in restoration.',
    unavailable: [1],
    opportunities: [[D.REQUEST, T.PARTNERSHIP, 'Partners for a stone-reuse pilot', [CciSubsector.ARCHITECTURE, CciSubsector.CULTURAL_HERITAGE], [L.LOOP, L.REGENERATE]]],
  },
  {
    org: 'fpec',
    contact: 'rania@demo.innomed.example',
    timeZone: 'Asia/Amman',
    languages: ['ar', 'en'],
    profile: 'Community NGO with women artisans in Amman.',
    unavailable: [],
    opportunities: [
      [D.REQUEST, T.MATERIAL_EXCHANGE, 'Textile offcuts for artisan cooperatives', [CciSubsector.ARTISTIC_CRAFTS], [L.LOOP]],
      [D.OFFER, T.FUNDING, 'Small grants for artisan pilots', [CciSubsector.ARTISTIC_CRAFTS], []],
    ],
  },
];

/** Requests between them, by organisation: [from, to, status]. */
const REQUESTS: [DemoOrganisationKey, DemoOrganisationKey, MeetingRequestStatus][] = [
  ['medina', 'lanificio', MeetingRequestStatus.ACCEPTED],
  ['lanificio', 'epem', MeetingRequestStatus.ACCEPTED],
  ['fpec', 'lanificio', MeetingRequestStatus.ACCEPTED],
  ['cresm', 'epem', MeetingRequestStatus.ACCEPTED],
  ['epem', 'medina', MeetingRequestStatus.ACCEPTED],
  ['bzu', 'cresm', MeetingRequestStatus.ACCEPTED],
  ['fpec', 'medina', MeetingRequestStatus.ACCEPTED],
  ['bzu', 'epem', MeetingRequestStatus.DECLINED],
  ['cresm', 'fpec', MeetingRequestStatus.PENDING],
];

/**
 * "Prato–Tunis circular textiles matchmaking", hosted by the Comune di Prato two weeks after seeding:
 * registered participants with offers and requests, accepted meetings, and the schedule the scheduler
 * made for them.
 */
@Injectable()
export class DemoMatchmakingSeeder {
  async seed(manager: EntityManager, ids: { users: Map<string, string>; organisations: Map<DemoOrganisationKey, string>; networks: Map<string, string> }): Promise<void> {
    const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const days: SessionDay[] = [{ date: day, start: '09:00', end: '13:00', breaks: [{ start: '11:00', end: '11:20' }] }];
    const session = await manager.save(MatchmakingSessionEntity, {
      organiserOrganisationId: ids.organisations.get('prato')!,
      networkId: ids.networks.get('network')!,
      title: 'Prato–Tunis circular textiles matchmaking',
      description: 'One-to-one meetings between textile SMEs, designers and circular-economy experts of the Mediterranean circular creative network. 20-minute video meetings, hosted by the Comune di Prato with the Municipality of Tunis.',
      timeZone: 'Europe/Rome',
      days,
      slotMinutes: 20,
      tables: 4,
      maxMeetingsPerParticipant: 6,
      registrationDeadline: new Date(Date.now() + 7 * 86_400_000),
      requestDeadline: new Date(Date.now() + 10 * 86_400_000),
      languages: ['it', 'fr', 'ar', 'en'],
      phase: SessionPhase.SCHEDULED,
      scheduleVersion: 1,
      createdById: ids.users.get('giulia@demo.innomed.example')!,
    });
    const participantIds = new Map<DemoOrganisationKey, string>();
    for (const p of PARTICIPANTS) {
      const saved = await manager.save(ParticipantEntity, {
        sessionId: session.id,
        organisationId: ids.organisations.get(p.org)!,
        contactUserId: ids.users.get(p.contact)!,
        profile: p.profile,
        timeZone: p.timeZone,
        languages: p.languages,
        unavailableSlots: p.unavailable,
      });
      participantIds.set(p.org, saved.id);
      await manager.save(
        OpportunityEntity,
        p.opportunities.map(([direction, type, title, subsectors, levers]) => ({ participantId: saved.id, direction, type, title, description: '', subsectors, levers, languages: p.languages })),
      );
    }
    const meetings: MeetingEntity[] = [];
    for (const [from, to, status] of REQUESTS) {
      const a = participantIds.get(from)!;
      const b = participantIds.get(to)!;
      const request = await manager.save(MeetingRequestEntity, {
        sessionId: session.id,
        fromParticipantId: a,
        toParticipantId: b,
        pairKey: [a, b].sort().join(':'),
        message: 'We would like to meet at the session.',
        status,
        requestedById: ids.users.get(PARTICIPANTS.find((p) => p.org === from)!.contact)!,
        decidedAt: status === MeetingRequestStatus.PENDING ? null : new Date(),
      });
      if (status === MeetingRequestStatus.ACCEPTED) meetings.push(await manager.save(MeetingEntity, { sessionId: session.id, requestId: request.id, participantAId: a, participantBId: b }));
    }
    const slots = sessionSlots(days, session.slotMinutes, session.timeZone);
    const result = schedule(
      {
        slots: slots.map((s) => ({ index: s.index, isBreak: s.isBreak, day: s.day })),
        tables: session.tables,
        participants: PARTICIPANTS.map((p) => ({ id: participantIds.get(p.org)!, maxMeetings: session.maxMeetingsPerParticipant, unavailable: p.unavailable })),
        meetings: meetings.map((m) => ({ id: m.id, a: m.participantAId, b: m.participantBId })),
      },
      { seed: 1 },
    );
    for (const placement of result.placements) await manager.update(MeetingEntity, { id: placement.meetingId }, { slot: placement.slot, tableNumber: placement.table });
  }
}
