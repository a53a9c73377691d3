import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import type { GraphQLRequestContext } from '@api/platform/graphql/graphql-context.js';
import { UuidPipe } from '@api/platform/graphql/uuid.pipe.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MeetingRequestsService } from './meeting-requests.service.js';
import { MeetingsService } from './meetings.service.js';
import { SchedulingService } from './scheduling.service.js';
import { DashboardService } from './dashboard.service.js';
import type { AgendaChangedMessage } from './agenda-events.js';
import { toMeeting, toParticipant, toRequest } from './matchmaking.mapper.js';
import { Agenda, AgendaChanged, MatchmakingDashboard, Meeting, MeetingRequest, ScheduleSummaryResult } from './matchmaking.model.js';
import { MoveMeetingInput, OutcomeInput, RequestMeetingInput, ScheduleArgs } from './matchmaking.input.js';

/** Meeting requests, scheduling, agendas, attendance, outcomes and the organiser’s figures. */
@Resolver(() => Meeting)
export class MeetingsResolver {
  constructor(
    private readonly requests: MeetingRequestsService,
    private readonly meetings: MeetingsService,
    private readonly scheduling: SchedulingService,
    private readonly dashboards: DashboardService,
    private readonly access: MatchmakingAccessService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Mutation(() => MeetingRequest, { description: 'Ask another participant for a meeting, until the request deadline.' })
  async requestMeeting(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The request.' }) input: RequestMeetingInput): Promise<MeetingRequest> {
    return toRequest(await this.requests.request(caller.id, input.fromParticipantId, input.toParticipantId, input.message));
  }

  @Mutation(() => MeetingRequest, { description: 'Accept or decline a request made to your participation; an acceptance makes a meeting.' })
  async respondToMeetingRequest(
    @CurrentUser() caller: AuthUser,
    @Args('requestId', { type: () => ID, description: 'The request.' }, UuidPipe) requestId: string,
    @Args('accept', { type: () => Boolean, description: 'True to accept, false to decline.' }) accept: boolean,
  ): Promise<MeetingRequest> {
    return toRequest(await this.requests.respond(caller.id, requestId, accept));
  }

  @Mutation(() => MeetingRequest, { description: 'Withdraw a request (either side); an accepted one’s meeting is cancelled.' })
  async cancelMeetingRequest(@CurrentUser() caller: AuthUser, @Args('requestId', { type: () => ID, description: 'The request.' }, UuidPipe) requestId: string): Promise<MeetingRequest> {
    return toRequest(await this.requests.cancel(caller.id, requestId));
  }

  @Query(() => [MeetingRequest], { description: 'Requests your participation sent or received, newest first.' })
  async meetingRequests(@CurrentUser() caller: AuthUser, @Args('participantId', { type: () => ID, description: 'Your participation.' }, UuidPipe) participantId: string): Promise<MeetingRequest[]> {
    return (await this.requests.requestsOf(caller.id, participantId)).map(toRequest);
  }

  @Mutation(() => ScheduleSummaryResult, { description: 'Schedule the session’s accepted meetings (organisers). Announced meetings stay put unless allowMoves.' })
  scheduleMatchmakingSession(@CurrentUser() caller: AuthUser, @Args() args: ScheduleArgs): Promise<ScheduleSummaryResult> {
    return this.scheduling.scheduleSession(caller.id, args.sessionId, args.allowMoves);
  }

  @Mutation(() => Meeting, { description: 'Put a meeting into a slot (named by its start time) and table (organisers); it stays pinned there. A time that starts no slot of the session is BAD_USER_INPUT; a clash is SCHEDULE_CLASH, naming it.' })
  async moveMatchmakingMeeting(@CurrentUser() caller: AuthUser, @Args('input', { description: 'Where.' }) input: MoveMeetingInput): Promise<Meeting> {
    const meeting = await this.scheduling.moveMeeting(caller.id, input.meetingId, input.startsAt, input.table === undefined ? undefined : input.table - 1);
    return this.meetings.toModel(meeting);
  }

  @Query(() => Agenda, { description: 'A participation’s agenda (the participant’s members and the organisers), times in your time zone unless another is named.' })
  async matchmakingAgenda(
    @CurrentUser() caller: AuthUser,
    @Args('participantId', { type: () => ID, description: 'The participation.' }, UuidPipe) participantId: string,
    @Args('timeZone', { type: () => String, nullable: true, description: 'IANA time zone to show times in.' }) timeZone?: string,
  ): Promise<Agenda> {
    const agenda = await this.meetings.agendaOf(caller.id, participantId, timeZone ?? undefined);
    return {
      participantId,
      timeZone: agenda.timeZone,
      scheduleVersion: agenda.session.scheduleVersion,
      items: agenda.items.map((item) => ({
        meeting: toMeeting(item.meeting, item.roomUrl, agenda.slots, agenda.sides),
        counterpart: toParticipant(item.counterpart, agenda.slots),
        startsAt: item.startsAtLocal,
        endsAt: item.endsAtLocal,
      })),
    };
  }

  @Query(() => String, { description: 'A participation’s agenda as an iCalendar (RFC 5545) document.' })
  matchmakingAgendaCalendar(@CurrentUser() caller: AuthUser, @Args('participantId', { type: () => ID, description: 'The participation.' }, UuidPipe) participantId: string): Promise<string> {
    return this.meetings.agendaCalendar(caller.id, participantId);
  }

  @Mutation(() => Meeting, { description: 'Check in to a meeting of your participation (live sessions).' })
  async checkInToMeeting(
    @CurrentUser() caller: AuthUser,
    @Args('meetingId', { type: () => ID, description: 'The meeting.' }, UuidPipe) meetingId: string,
    @Args('participantId', { type: () => ID, description: 'Your participation in it.' }, UuidPipe) participantId: string,
  ): Promise<Meeting> {
    return this.meetings.toModel(await this.meetings.checkIn(caller.id, meetingId, participantId));
  }

  @Mutation(() => Meeting, { description: 'Record that a participant did not come (the other participant or an organiser).' })
  async markMeetingNoShow(
    @CurrentUser() caller: AuthUser,
    @Args('meetingId', { type: () => ID, description: 'The meeting.' }, UuidPipe) meetingId: string,
    @Args('absentParticipantId', { type: () => ID, description: 'Who did not come.' }, UuidPipe) absentParticipantId: string,
  ): Promise<Meeting> {
    return this.meetings.toModel(await this.meetings.markNoShow(caller.id, meetingId, absentParticipantId));
  }

  @Mutation(() => Meeting, { description: 'Record what came of a meeting, once it has started (either participant).' })
  async recordMeetingOutcome(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The outcome.' }) input: OutcomeInput): Promise<Meeting> {
    return this.meetings.toModel(await this.meetings.recordOutcome(caller.id, input.meetingId, input.participantId, input.outcome, input.note ?? null));
  }

  @Query(() => MatchmakingDashboard, { description: 'The organisers’ figures for a session.' })
  matchmakingDashboard(@CurrentUser() caller: AuthUser, @Args('sessionId', { type: () => ID, description: 'The session.' }, UuidPipe) sessionId: string): Promise<MatchmakingDashboard> {
    return this.dashboards.dashboard(caller.id, sessionId);
  }

  @Query(() => String, { description: 'Every meeting of a session as CSV (organisers).' })
  matchmakingMeetingsCsv(@CurrentUser() caller: AuthUser, @Args('sessionId', { type: () => ID, description: 'The session.' }, UuidPipe) sessionId: string): Promise<string> {
    return this.dashboards.meetingsCsv(caller.id, sessionId);
  }

  @Subscription(() => AgendaChanged, {
    description: 'Something on a participation’s agenda changed (meeting placed, moved, added, cancelled, attendance, outcome, phase): fetch it again.',
    filter: async function (this: MeetingsResolver, payload: AgendaChangedMessage, _args: unknown, ctx: GraphQLRequestContext) {
      if (!ctx.user) return false;
      return this.access.requireParticipantOrOrganiser(ctx.user.id, payload.participantId).then(
        () => true,
        () => false,
      );
    },
    resolve: (payload: AgendaChangedMessage) => payload,
  })
  async matchmakingAgendaChanged(@CurrentUser() caller: AuthUser, @Args('participantId', { type: () => ID, description: 'The participation.' }, UuidPipe) participantId: string) {
    await this.access.requireParticipantOrOrganiser(caller.id, participantId);
    return this.pubSub.asyncIterableIterator(Topics.matchmakingAgenda(participantId));
  }
}
