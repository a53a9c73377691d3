import type { EventEmitter } from 'node:events';
import type { PubSubEngine } from 'graphql-subscriptions';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import type { TestHub } from './test-hub.js';

/**
 * How many subscriptions the hub's engine holds on a topic, read from the engine's own bookkeeping
 * (in-process: its event emitter; Redis: the channels it has confirmed). graphql-ws acknowledges no
 * single subscription, so a test waits on this before it makes the event, instead of a fixed time.
 */
function subscribersOn(pubSub: PubSubEngine, topic: string): number {
  const engine = pubSub as unknown as { ee?: EventEmitter; subsRefsMap?: Map<string, Set<number>>; subsPendingRefsMap?: Map<string, unknown> };
  if (engine.subsRefsMap) return engine.subsPendingRefsMap?.has(topic) ? 0 : (engine.subsRefsMap.get(topic)?.size ?? 0);
  if (engine.ee) return engine.ee.listenerCount(topic);
  throw new Error('unknown subscription engine: cannot tell whether a subscription is live');
}

/** Resolves once the in-process hub holds at least `count` subscriptions on the topic. */
export async function untilSubscribed(hub: TestHub, topic: string, count = 1, timeoutMs = 30_000): Promise<void> {
  const pubSub = hub.hub.app.get<PubSubEngine>(PUB_SUB, { strict: false });
  const deadline = Date.now() + timeoutMs;
  while (subscribersOn(pubSub, topic) < count) {
    if (Date.now() > deadline) throw new Error(`no subscription on ${topic} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
