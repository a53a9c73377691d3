import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChallengeStatus } from '@app/contracts';
import { AnswersRepository } from '@api/modules/challenges/answers.repository.js';
import { ChallengesRepository } from '@api/modules/challenges/challenges.repository.js';
import { DEMO_CHALLENGES, type DemoOrganisationKey } from './demo-data.js';

const PATH: Record<ChallengeStatus, ChallengeStatus[]> = {
  [ChallengeStatus.DRAFT]: [],
  [ChallengeStatus.OPEN]: [ChallengeStatus.OPEN],
  [ChallengeStatus.IN_PROGRESS]: [ChallengeStatus.OPEN, ChallengeStatus.IN_PROGRESS],
  [ChallengeStatus.SOLVED]: [ChallengeStatus.OPEN, ChallengeStatus.SOLVED],
  [ChallengeStatus.CLOSED]: [ChallengeStatus.OPEN, ChallengeStatus.CLOSED],
};

/** The demo challenges with their answers and votes, through the same repositories as the API. */
@Injectable()
export class DemoChallengesSeeder {
  constructor(
    private readonly challenges: ChallengesRepository,
    private readonly answers: AnswersRepository,
  ) {}

  async seed(manager: EntityManager, ids: { users: Map<string, string>; organisations: Map<DemoOrganisationKey, string>; networks: Map<string, string> }): Promise<void> {
    for (const demo of DEMO_CHALLENGES) {
      const authorId = ids.users.get(demo.author)!;
      const challenge = await this.challenges.create(
        {
          networkId: ids.networks.get(demo.network)!,
          organisationId: ids.organisations.get(demo.by)!,
          authorId,
          title: demo.title,
          description: demo.description,
          levers: demo.levers,
          materials: demo.materials,
          subsectors: demo.subsectors,
          language: demo.language,
          deadline: null,
          attachments: [],
        },
        manager,
      );
      let status = ChallengeStatus.DRAFT;
      for (const next of PATH[demo.status]) {
        await this.challenges.transition(challenge.id, status, next, authorId, manager);
        status = next;
      }
      for (const answer of demo.answers) {
        const created = await this.answers.create(
          { challengeId: challenge.id, authorId: ids.users.get(answer.author)!, organisationId: ids.organisations.get(answer.by)!, body: answer.body, levers: answer.levers, effortEstimate: answer.effortEstimate ?? null },
          manager,
        );
        let votes = 0;
        for (const vote of answer.votes) votes += (await this.answers.vote(created.id, ids.users.get(vote.author)!, vote.value, manager)).delta;
        await this.challenges.bump(challenge.id, { answers: 1, votes }, manager);
        if (answer.accepted) await this.answers.accept(created.id, manager);
      }
    }
  }
}
