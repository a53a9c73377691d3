import type { Provider } from '@nestjs/common';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { RedisService } from './redis.service.js';

/** Injection token for the GraphQL subscription engine. */
export const PUB_SUB = Symbol('PUB_SUB');

/** Redis-backed when REDIS_URL is set, so a publish on one instance reaches subscribers on all. */
export const pubSubProvider: Provider = {
  provide: PUB_SUB,
  inject: [RedisService],
  useFactory: (redis: RedisService): PubSubEngine =>
    redis.enabled
      ? new RedisPubSub({ publisher: redis.connect('pubsub-pub'), subscriber: redis.connect('pubsub-sub') })
      : new PubSub(),
};
