import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { MeetingRequestStatus, SessionPhase } from '@app/contracts';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { ChatChannelsService } from '@api/modules/chat/chat-channels.service.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingRepository } from './matchmaking.repository.js';
import { SchedulingService } from './scheduling.service.js';
import { AgendaEvents } from './agenda-events.js';
import type { MeetingRequestEntity } from './meeting-request.entity.js';

/** Outgoing open requests a participant may have, per meeting they may hold: room to be declined. */
export const REQUESTS_PER_MEETING = 2;
const ACCEPTING_PHASES = new Set([SessionPhase.REGISTRATION, SessionPhase.REQUESTS, SessionPhase.SCHEDULED, SessionPhase.LIVE]);

/**
 * Meeting requests: sent until the request deadline, answered by the other side (late acceptances
 * are placed into the announced schedule), cancelled by either side. An accepted request becomes a
 * meeting with its own chat channel.
 */
@Injectable()
export class MeetingRequestsService {
  private readonly logger = new Logger('MeetingRequests');

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: MatchmakingRepository,
    private readonly access: MatchmakingAccessService,
    private readonly scheduling: SchedulingService,
    private readonly chat: ChatChannelsService,
    private readonly agenda: AgendaEvents,
  ) {}

  async request(userId: string, fromParticipantId: string, toParticipantId: string, message: string): Promise<MeetingRequestEntity> {
    const { participant: from, session } = await this.access.requireParticipant(userId, fromParticipantId);
    if (fromParticipantId === toParticipantId) throw DomainException.badInput('A participant cannot ask itself for a meeting.', ['input.toParticipantId']);
    const to = await this.store.findParticipant(toParticipantId);
    if (!to || to.sessionId !== from.sessionId) throw DomainException.notFound('The participant');
    if (to.organisationId === from.organisationId) throw DomainException.badInput('A participant cannot ask itself for a meeting.', ['input.toParticipantId']);
    if (session.phase !== SessionPhase.REGISTRATION && session.phase !== SessionPhase.REQUESTS) {
      throw DomainException.deadlinePassed(`Meeting requests are sent during registration and the request phase; the session is ${session.phase}.`);
    }
    if (Date.now() > session.requestDeadline.getTime()) throw DomainException.deadlinePassed(`Meeting requests closed at ${session.requestDeadline.toISOString()}.`);
    const limit = session.maxMeetingsPerParticipant * REQUESTS_PER_MEETING;
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.store.lockParticipants([from.id], manager);
        if ((await this.store.countOutgoingOpen(from.id, manager)) >= limit) {
          throw DomainException.limitReached(`A participant may have at most ${limit} open requests (${REQUESTS_PER_MEETING} per meeting it may hold).`);
        }
        return this.store.saveRequest(
          { sessionId: session.id, fromParticipantId: from.id, toParticipantId: to.id, pairKey: [from.id, to.id].sort().join(':'), message, requestedById: userId, status: MeetingRequestStatus.PENDING },
          manager,
        );
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_mm_requests_open_pair') {
        throw DomainException.conflict('These two participants already have an open request or a meeting.');
      }
      throw error;
    }
  }

  /** The receiving side accepts or declines; an acceptance within both sides' meeting limits makes a meeting. */
  async respond(userId: string, requestId: string, accept: boolean): Promise<MeetingRequestEntity> {
    const request = await this.store.findRequest(requestId);
    if (!request) throw DomainException.notFound('The request');
    const { session } = await this.access.requireParticipant(userId, request.toParticipantId).catch((error: unknown) => {
      if (error instanceof DomainException && error.code === 'FORBIDDEN') throw DomainException.forbidden('Only the participant asked may answer a request.');
      throw DomainException.notFound('The request');
    });
    if (request.status !== MeetingRequestStatus.PENDING) throw DomainException.conflict(`The request is already ${request.status}.`);
    if (!ACCEPTING_PHASES.has(session.phase)) throw DomainException.deadlinePassed(`Requests are no longer answered: the session is ${session.phase}.`);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const current = (await this.store.findRequest(requestId, manager))!;
      if (current.status !== MeetingRequestStatus.PENDING) throw DomainException.conflict(`The request is already ${current.status}.`);
      if (!accept) return { request: await this.store.saveRequest({ ...current, status: MeetingRequestStatus.DECLINED, decidedAt: new Date() }, manager), meetingId: null };
      await this.store.lockParticipants([current.fromParticipantId, current.toParticipantId], manager);
      for (const participantId of [current.fromParticipantId, current.toParticipantId]) {
        if ((await this.store.countMeetingsOf(participantId, manager)) >= session.maxMeetingsPerParticipant) {
          throw DomainException.limitReached(`${participantId === current.toParticipantId ? 'You already have' : 'The requester already has'} the session’s maximum of ${session.maxMeetingsPerParticipant} meetings.`);
        }
      }
      const saved = await this.store.saveRequest({ ...current, status: MeetingRequestStatus.ACCEPTED, decidedAt: new Date() }, manager);
      const meeting = await this.store.saveMeeting({ sessionId: session.id, requestId, participantAId: current.fromParticipantId, participantBId: current.toParticipantId }, manager);
      return { request: saved, meetingId: meeting.id };
    });
    if (outcome.meetingId) await this.afterAccept(session.id, session.title, outcome.meetingId, request);
    return outcome.request;
  }

  /** Either side withdraws; an accepted request's meeting is cancelled with it. */
  async cancel(userId: string, requestId: string): Promise<MeetingRequestEntity> {
    const request = await this.store.findRequest(requestId);
    if (!request) throw DomainException.notFound('The request');
    let allowed = false;
    for (const side of [request.fromParticipantId, request.toParticipantId]) {
      allowed ||= await this.access.requireParticipant(userId, side).then(
        () => true,
        () => false,
      );
    }
    if (!allowed) throw DomainException.notFound('The request');
    if (request.status !== MeetingRequestStatus.PENDING && request.status !== MeetingRequestStatus.ACCEPTED) throw DomainException.conflict(`The request is already ${request.status}.`);
    const session = (await this.store.findSession(request.sessionId))!;
    if (session.phase === SessionPhase.CLOSED) throw DomainException.conflict('The session is closed.');
    const meeting = await this.store.findMeetingByRequest(requestId);
    const saved = await this.dataSource.transaction(async (manager) => {
      if (meeting) await this.store.deleteMeeting(meeting.id, manager);
      return this.store.saveRequest({ ...request, status: MeetingRequestStatus.CANCELLED, decidedAt: new Date() }, manager);
    });
    if (meeting) {
      await this.agenda.changed([request.fromParticipantId, request.toParticipantId], { sessionId: session.id, scheduleVersion: session.scheduleVersion, change: 'MEETING_CANCELLED', meetingId: meeting.id });
    }
    return saved;
  }

  async requestsOf(userId: string, participantId: string): Promise<MeetingRequestEntity[]> {
    await this.access.requireParticipant(userId, participantId);
    return this.store.requestsOf(participantId);
  }

  /** After the commit: the meeting's chat channel, its place if the schedule is out, and the news. */
  private async afterAccept(sessionId: string, sessionTitle: string, meetingId: string, request: MeetingRequestEntity): Promise<void> {
    const [a, b] = await Promise.all([this.store.findParticipant(request.fromParticipantId), this.store.findParticipant(request.toParticipantId)]);
    const members = [a?.contactUserId, b?.contactUserId, request.requestedById].filter((id): id is string => !!id);
    try {
      const channelId = await this.chat.openMeetingChannel(`matchmaking:${meetingId}`, `${sessionTitle}: meeting`, [...new Set(members)]);
      const meeting = await this.store.findMeeting(meetingId);
      if (meeting) await this.store.saveMeeting({ ...meeting, chatChannelId: channelId });
    } catch (error) {
      this.logger.warn({ err: error, meetingId }, 'meeting chat channel not opened');
    }
    await this.scheduling.placeLate(sessionId, meetingId);
    const session = await this.store.findSession(sessionId);
    await this.agenda.changed([request.fromParticipantId, request.toParticipantId], { sessionId, scheduleVersion: session?.scheduleVersion ?? 0, change: 'MEETING_ADDED', meetingId });
  }
}
