import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import * as Y from 'yjs';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { CanvasLogRepository, docOfStoredState } from './canvas-log.repository.js';
import { checkCircularity, readContent, type CircularityReport } from './document/index.js';

/** A canvas's circularity is recomputed at most this often while people type. */
const DEBOUNCE_MS = 2_000;

/**
 * Keeps the live circularity check of each canvas: after changes stored on this instance, it is
 * recomputed from the stored document (debounced) and published to `canvasCircularity` subscribers on
 * every instance. Only the instance that stored a change publishes, so nobody gets it twice.
 */
@Injectable()
export class CircularityFeed implements OnModuleDestroy {
  private readonly logger = new Logger('CircularityFeed');
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly log: CanvasLogRepository,
  ) {}

  /**
   * Schedules a recomputation. With the instance's live document (which holds exactly the stored
   * updates) it reads that; without one it rebuilds the document from the database.
   */
  changed(canvasId: string, live?: Y.Doc): void {
    if (this.timers.has(canvasId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(canvasId);
      void this.publish(canvasId, live);
    }, DEBOUNCE_MS);
    timer.unref();
    this.timers.set(canvasId, timer);
  }

  async reportOf(canvasId: string): Promise<CircularityReport> {
    const doc = docOfStoredState(await this.log.load(canvasId));
    const report = checkCircularity(readContent(doc));
    doc.destroy();
    return report;
  }

  private async publish(canvasId: string, live?: Y.Doc): Promise<void> {
    try {
      const report = live ? checkCircularity(readContent(live)) : await this.reportOf(canvasId);
      await this.pubSub.publish(Topics.canvasCircularity(canvasId), { canvasId, report });
    } catch (error) {
      this.logger.warn({ err: error, canvasId }, 'circularity not published');
    }
  }

  onModuleDestroy(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
  }
}
