import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import * as Y from 'yjs';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { CanvasLogRepository } from './canvas-log.repository.js';
import { checkCircularity, readContent, type CircularityReport } from './document/index.js';

/** A canvas's circularity is recomputed at most this often while people type. */
const DEBOUNCE_MS = 500;

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

  changed(canvasId: string): void {
    if (this.timers.has(canvasId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(canvasId);
      void this.publish(canvasId);
    }, DEBOUNCE_MS);
    timer.unref();
    this.timers.set(canvasId, timer);
  }

  async reportOf(canvasId: string): Promise<CircularityReport> {
    const state = await this.log.load(canvasId);
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      if (state.snapshot) Y.applyUpdate(doc, state.snapshot.state);
      for (const update of state.updates) Y.applyUpdate(doc, update.data);
    });
    const report = checkCircularity(readContent(doc));
    doc.destroy();
    return report;
  }

  private async publish(canvasId: string): Promise<void> {
    try {
      await this.pubSub.publish(Topics.canvasCircularity(canvasId), { canvasId, report: await this.reportOf(canvasId) });
    } catch (error) {
      this.logger.warn({ err: error, canvasId }, 'circularity not published');
    }
  }

  onModuleDestroy(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
  }
}
