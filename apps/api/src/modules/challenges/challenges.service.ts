import { Injectable } from '@nestjs/common';
import { ChallengeStatus } from '@app/contracts';
import { DomainEventBus } from '@app/events';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import { canonicalLanguage } from '@api/modules/identity/users/locale.validators.js';
import { ChallengeAccessService } from './challenge-access.service.js';
import type { ChallengeFilter, PostChallengeInput, UpdateChallengeInput } from './challenge.input.js';
import { ChallengesRepository, type ChallengeFields, type ChallengeView } from './challenges.repository.js';
import type { ChallengeTransitionEntity } from './challenge-transition.entity.js';

/** The lifecycle: which moves exist. Who may make them is decided in `transition`. */
const MOVES: Record<ChallengeStatus, ChallengeStatus[]> = {
  [ChallengeStatus.DRAFT]: [ChallengeStatus.OPEN, ChallengeStatus.CLOSED],
  [ChallengeStatus.OPEN]: [ChallengeStatus.IN_PROGRESS, ChallengeStatus.SOLVED, ChallengeStatus.CLOSED],
  [ChallengeStatus.IN_PROGRESS]: [ChallengeStatus.OPEN, ChallengeStatus.SOLVED, ChallengeStatus.CLOSED],
  [ChallengeStatus.SOLVED]: [],
  [ChallengeStatus.CLOSED]: [],
};

function cleanFields(input: UpdateChallengeInput): Partial<ChallengeFields> {
  return {
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.levers !== undefined ? { levers: [...new Set(input.levers)] } : {}),
    ...(input.materials !== undefined ? { materials: [...new Set(input.materials.map((m) => m.trim().toLowerCase()).filter(Boolean))] } : {}),
    ...(input.subsectors !== undefined ? { subsectors: [...new Set(input.subsectors)] } : {}),
    ...(input.language !== undefined ? { language: canonicalLanguage(input.language) } : {}),
    ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
    ...(input.attachments !== undefined ? { attachments: input.attachments.map((a) => ({ title: a.title, url: a.url })) } : {}),
  };
}

@Injectable()
export class ChallengesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly challenges: ChallengesRepository,
    private readonly access: ChallengeAccessService,
    private readonly events: DomainEventBus,
  ) {}

  async post(caller: AuthUser, input: PostChallengeInput): Promise<ChallengeView> {
    await this.access.requireActingMember(caller.id, input.networkId, input.organisationId);
    const fields = cleanFields(input);
    const challenge = await this.db.transaction((manager) =>
      this.challenges.create(
        {
          networkId: input.networkId,
          organisationId: input.organisationId,
          authorId: caller.id,
          title: fields.title!,
          description: fields.description!,
          levers: fields.levers ?? [],
          materials: fields.materials ?? [],
          subsectors: fields.subsectors ?? [],
          language: fields.language!,
          deadline: fields.deadline ?? null,
          attachments: fields.attachments ?? [],
        },
        manager,
      ),
    );
    return this.view(caller, challenge.id);
  }

  async update(caller: AuthUser, challengeId: string, input: UpdateChallengeInput): Promise<ChallengeView> {
    const challenge = await this.access.requireVisible(caller.id, challengeId);
    await this.access.requirePoster(caller.id, challenge);
    if (challenge.status === ChallengeStatus.SOLVED || challenge.status === ChallengeStatus.CLOSED) throw DomainException.conflict('A solved or closed challenge can no longer be edited.');
    await this.db.transaction((manager) => this.challenges.update(challengeId, cleanFields(input), manager));
    return this.view(caller, challengeId);
  }

  /**
   * The posting organisation deletes a challenge while it is a DRAFT (nobody else has seen it); once
   * opened it can only be closed, so answers and votes stay where people left them.
   */
  async deleteDraft(caller: AuthUser, challengeId: string): Promise<string> {
    const challenge = await this.access.requireVisible(caller.id, challengeId);
    await this.access.requirePoster(caller.id, challenge);
    if (challenge.status !== ChallengeStatus.DRAFT) throw DomainException.conflict(`Only a DRAFT challenge can be deleted; a ${challenge.status} one can be moved to CLOSED.`);
    const deleted = await this.challenges.deleteDraft(challengeId);
    if (!deleted) throw DomainException.conflict('The challenge is no longer a DRAFT; it can be moved to CLOSED.');
    this.events.emit('challenge.deleted', { challengeId, networkId: challenge.networkId, organisationId: challenge.organisationId, actorId: caller.id });
    return challengeId;
  }

  /** Posting organisation members make every move; network admins may only close. */
  async transition(caller: AuthUser, challengeId: string, to: ChallengeStatus): Promise<ChallengeView> {
    const challenge = await this.access.requireVisible(caller.id, challengeId);
    const poster = await this.access.isPoster(caller.id, challenge);
    if (!poster && !(to === ChallengeStatus.CLOSED && (await this.access.isNetworkAdmin(caller.id, challenge)))) {
      throw DomainException.forbidden('Only the posting organisation moves a challenge; network admins may close it.');
    }
    await this.db.transaction(async (manager) => {
      const current = await this.challenges.lockById(challengeId, manager);
      if (!current) throw DomainException.notFound('The challenge');
      if (!MOVES[current.status].includes(to)) throw DomainException.lifecycle('A challenge', current.status, MOVES[current.status], to);
      await this.challenges.transition(challengeId, current.status, to, caller.id, manager);
    });
    if (challenge.status === ChallengeStatus.DRAFT && to === ChallengeStatus.OPEN) {
      this.events.emit('challenge.opened', { challengeId, networkId: challenge.networkId, actorId: caller.id });
    }
    this.events.emit('challenge.status-changed', { challengeId, networkId: challenge.networkId, status: to, actorId: caller.id });
    return this.view(caller, challengeId);
  }

  async view(caller: AuthUser, challengeId: string): Promise<ChallengeView> {
    const [found] = await this.challenges.views(caller.id, { id: challengeId }, 1);
    if (!found) throw DomainException.notFound('The challenge');
    return found;
  }

  async feed(caller: AuthUser, filter: ChallengeFilter, first: number, after?: string): Promise<Page<ChallengeView>> {
    const search = filter.search?.trim() || undefined;
    const cursor = decodeCursor(after, search ? 'text' : 'timestamp');
    if (search && cursor && !/^\d+(\.\d+)?$/.test(cursor.key)) throw DomainException.badInput('The cursor is not one this server gave out.', ['after']);
    const rows = await this.challenges.views(
      caller.id,
      { ...filter, search, country: filter.country?.toUpperCase(), tag: filter.tag?.trim().toLowerCase(), language: filter.language?.toLowerCase() },
      first,
      cursor,
    );
    return toPage(rows, first, (v) => ({ key: search ? (v.rank ?? '0') : new Date(v.challenge.createdAt).toISOString(), id: v.challenge.id }));
  }

  async transitions(caller: AuthUser, challengeId: string): Promise<ChallengeTransitionEntity[]> {
    await this.access.requireVisible(caller.id, challengeId);
    return this.challenges.transitions(challengeId);
  }

  async follow(caller: AuthUser, challengeId: string, follow: boolean): Promise<ChallengeView> {
    await this.access.requireVisible(caller.id, challengeId);
    await this.challenges.setFollow(challengeId, caller.id, follow);
    return this.view(caller, challengeId);
  }
}
