import { Args, ID, Mutation, Query, ResolveField, Parent, Resolver } from '@nestjs/graphql';
import { SessionPhase } from '@app/contracts';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { UuidPipe } from '@api/platform/graphql/uuid.pipe.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingRepository } from './matchmaking.repository.js';
import { RegistrationsService } from './registrations.service.js';
import { SessionsService } from './sessions.service.js';
import { sessionSlots, type SessionSlot } from './session-slots.js';
import { toParticipant, toSession } from './matchmaking.mapper.js';
import { MatchmakingSession, MatchmakingSessionConnection, Participant, Recommendation, SessionSlotModel } from './matchmaking.model.js';
import { CreateSessionInput, ParticipantFilterInput, MatchmakingRegistrationInput, SessionsArgs, UpdateSessionInput } from './matchmaking.input.js';

/** Sessions, registration and the marketplace. */
@Resolver(() => MatchmakingSession)
export class SessionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly registrations: RegistrationsService,
    private readonly access: MatchmakingAccessService,
    private readonly store: MatchmakingRepository,
  ) {}

  @Query(() => MatchmakingSessionConnection, { description: 'Sessions you can see (public ones, your networks’, and those you organise), newest first.' })
  async matchmakingSessions(@CurrentUser() caller: AuthUser, @Args() args: SessionsArgs): Promise<Page<MatchmakingSession>> {
    const rows = await this.store.visibleSessions(caller.id, args.first, decodeCursor(args.after, 'timestamp'));
    const sessions = await Promise.all(rows.map(async (s) => toSession(s, await this.access.isOrganiser(caller.id, s))));
    return toPage(sessions, args.first, (s) => ({ key: s.createdAt.toISOString(), id: s.id }));
  }

  @Query(() => MatchmakingSession, { description: 'One session.' })
  async matchmakingSession(@CurrentUser() caller: AuthUser, @Args('sessionId', { type: () => ID, description: 'The session.' }, UuidPipe) sessionId: string): Promise<MatchmakingSession> {
    const { session, organiser } = await this.access.requireVisible(caller.id, sessionId);
    return toSession(session, organiser);
  }

  @Mutation(() => MatchmakingSession, { description: 'Create a session (as a member of a municipality, or as an admin of its network); it starts as a DRAFT.' })
  async createMatchmakingSession(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The session.' }) input: CreateSessionInput): Promise<MatchmakingSession> {
    const { organisationId, networkId, ...fields } = input;
    return toSession(await this.sessions.create(caller.id, organisationId, networkId ?? null, fields), true);
  }

  @Mutation(() => MatchmakingSession, { description: 'Change a session (organisers); days, slots and tables only before requests open.' })
  async updateMatchmakingSession(
    @CurrentUser() caller: AuthUser,
    @Args('sessionId', { type: () => ID, description: 'The session.' }, UuidPipe) sessionId: string,
    @Args('input', { description: 'What changes.' }) input: UpdateSessionInput,
  ): Promise<MatchmakingSession> {
    return toSession(await this.sessions.update(caller.id, sessionId, input), true);
  }

  @Mutation(() => MatchmakingSession, { description: 'Move a session to its next phase (organisers); moving to SCHEDULED schedules it.' })
  async moveMatchmakingSession(
    @CurrentUser() caller: AuthUser,
    @Args('sessionId', { type: () => ID, description: 'The session.' }, UuidPipe) sessionId: string,
    @Args('to', { type: () => SessionPhase, description: 'The next phase.' }) to: SessionPhase,
  ): Promise<MatchmakingSession> {
    return toSession(await this.sessions.move(caller.id, sessionId, to), true);
  }

  @Mutation(() => Participant, { description: 'Register your organisation for a session, with its offers and requests (again to update them), while registration is open.' })
  async registerForMatchmaking(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The registration.' }) input: MatchmakingRegistrationInput): Promise<Participant> {
    const { sessionId, organisationId, ...fields } = input;
    const participant = await this.registrations.register(caller.id, sessionId, organisationId, fields);
    const [view] = await this.store.participantViews(sessionId, {}, [participant.id]);
    const session = (await this.store.findSession(sessionId))!;
    return toParticipant(view!, slotsOf(session));
  }

  @Mutation(() => MatchmakingSession, {
    description:
      'Withdraw your organisation’s registration (its members), until the session is scheduled (DEADLINE_PASSED after). Its offers and requests, sent and received, go with it; its meetings are cancelled and the other sides are told (MEETING_CANCELLED).',
  })
  async withdrawMatchmakingRegistration(@CurrentUser() caller: AuthUser, @Args('participantId', { type: () => ID, description: 'Your participation.' }, UuidPipe) participantId: string): Promise<MatchmakingSession> {
    const session = await this.registrations.withdraw(caller.id, participantId);
    return toSession(session, await this.access.isOrganiser(caller.id, session));
  }

  @Query(() => [Participant], { description: 'The marketplace: a session’s participants and their opportunities, filtered, by organisation name.' })
  async matchmakingParticipants(
    @CurrentUser() caller: AuthUser,
    @Args('sessionId', { type: () => ID, description: 'The session.' }, UuidPipe) sessionId: string,
    @Args('filter', { type: () => ParticipantFilterInput, nullable: true, description: 'Filters.' }) filter?: ParticipantFilterInput,
  ): Promise<Participant[]> {
    const { session, views } = await this.registrations.marketplace(caller.id, sessionId, filter ?? {});
    const slots = slotsOf(session);
    return views.map((view) => toParticipant(view, slots));
  }

  @Query(() => [Recommendation], { description: 'Whom one of your participations should meet, ranked by complementarity, with reasons (at most 20).' })
  async matchmakingRecommendations(@CurrentUser() caller: AuthUser, @Args('participantId', { type: () => ID, description: 'Your participation.' }, UuidPipe) participantId: string): Promise<Recommendation[]> {
    const { session, ranked } = await this.registrations.recommendations(caller.id, participantId);
    const slots = slotsOf(session);
    return ranked.map((r) => ({ participant: toParticipant(r.view, slots), score: r.score, reasons: r.reasons }));
  }

  @ResolveField(() => [SessionSlotModel], { description: 'The session’s slots with their times.' })
  slots(@Parent() session: MatchmakingSession): SessionSlotModel[] {
    return slotsOf(session);
  }

  @ResolveField(() => [Participant], { description: 'Your organisations’ participations in this session.' })
  async myParticipations(@CurrentUser() caller: AuthUser, @Parent() session: MatchmakingSession): Promise<Participant[]> {
    const mine = await this.store.participantsOfUser(session.id, caller.id);
    if (mine.length === 0) return [];
    const slots = slotsOf(session);
    return (await this.store.participantViews(session.id, {}, mine.map((p) => p.id))).map((view) => toParticipant(view, slots));
  }
}

const slotsOf = (session: Pick<MatchmakingSession, 'days' | 'slotMinutes' | 'timeZone'>): SessionSlot[] => sessionSlots(session.days, session.slotMinutes, session.timeZone);
