import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AgendaChange } from '@app/contracts';
import type { PubSubEngine } from 'graphql-subscriptions';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';

export interface AgendaChangedMessage {
  participantId: string;
  sessionId: string;
  scheduleVersion: number;
  /** A value of the AgendaChange enum (the literal is accepted, so callers need not import it). */
  change: `${AgendaChange}`;
  meetingId: string | null;
}

/** Tells participants' live agendas that something of theirs changed, on every instance. */
@Injectable()
export class AgendaEvents {
  private readonly logger = new Logger('AgendaEvents');

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async changed(participantIds: Iterable<string>, message: Omit<AgendaChangedMessage, 'participantId'>): Promise<void> {
    for (const participantId of new Set(participantIds)) {
      await this.pubSub.publish(Topics.matchmakingAgenda(participantId), { ...message, participantId } satisfies AgendaChangedMessage).catch((error: unknown) => {
        this.logger.warn({ err: error, participantId }, 'agenda change not published');
      });
    }
  }
}
