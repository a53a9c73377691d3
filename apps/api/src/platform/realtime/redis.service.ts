import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@app/config';

/**
 * The Redis connections of this instance, when REDIS_URL is set. ioredis reconnects and resubscribes
 * on its own after a Redis restart (the node-redis adapter has been seen not to).
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  private readonly clients: Redis[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.redis.url !== undefined;
  }

  /** A new connection; subscribers need their own, since a subscribed connection can do nothing else. */
  connect(name: string): Redis {
    const url = this.config.redis.url;
    if (!url) throw new Error('Redis is not configured');
    const client = new Redis(url, {
      connectionName: `innomed-hub:${name}`,
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    client.on('error', (error: Error) => this.logger.warn(`redis ${name}: ${error.message}`));
    this.clients.push(client);
    return client;
  }

  async ping(): Promise<void> {
    const client = this.clients[0];
    if (!client) return;
    if (client.status !== 'ready') throw new Error(`redis is ${client.status}`);
    await client.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.quit().catch(() => client.disconnect())));
  }
}
