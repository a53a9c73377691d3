import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import type { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import type { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { OrganisationsRepository } from '@api/modules/identity/organisations/organisations.repository.js';
import { UsersRepository } from '@api/modules/identity/users/users.repository.js';
import { renderServerText, viewerLanguage, type RenderedServerText } from '@api/platform/i18n/server-text.js';
import { ChallengeAccessService } from './challenge-access.service.js';
import { rankExperts } from './expert-ranking.js';
import { ExpertSuggestionsRepository } from './expert-suggestions.repository.js';

export interface ExpertSuggestionView {
  organisation: OrganisationEntity;
  score: number;
  /** Worded in the caller's preferred language. */
  reasons: RenderedServerText[];
  people: UserEntity[];
}

/** Expert organisations (and their people who speak the language) to invite to a challenge. */
@Injectable()
export class ExpertSuggestionsService {
  constructor(
    private readonly access: ChallengeAccessService,
    private readonly organisations: OrganisationsRepository,
    private readonly suggestions: ExpertSuggestionsRepository,
    private readonly users: UsersRepository,
  ) {}

  async suggest(caller: AuthUser, challengeId: string): Promise<ExpertSuggestionView[]> {
    const challenge = await this.access.requireVisible(caller.id, challengeId);
    const poster = await this.organisations.findById(challenge.organisationId);
    const ranked = rankExperts(
      { organisationId: challenge.organisationId, country: poster?.country ?? '', levers: challenge.levers, subsectors: challenge.subsectors, materials: challenge.materials, language: challenge.language },
      await this.suggestions.candidates(challenge.networkId),
    );
    const language = challenge.language.split('-')[0]!.toLowerCase();
    const { organisations, people } = await this.suggestions.details(
      ranked.map((r) => r.organisationId),
      language,
    );
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const viewer = viewerLanguage((await this.users.findById(caller.id))?.preferredLanguages);
    return ranked
      .filter((r) => byId.has(r.organisationId))
      .map((r) => ({ organisation: byId.get(r.organisationId)!, score: r.score, reasons: r.reasons.map((reason) => renderServerText(reason, viewer)), people: people.get(r.organisationId) ?? [] }));
  }
}
