import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@api/platform/auth/public.decorator.js';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { RedisService } from '@api/platform/realtime/redis.service.js';
import { InstanceInfo } from '@api/platform/realtime/instance-info.js';

type Check = { status: 'up' | 'down' | 'disabled'; error?: string };

async function check(probe: () => Promise<void>, timeoutMs = 2000): Promise<Check> {
  try {
    await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref())]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}

/** Liveness (the process answers) and readiness (its database and Redis answer). */
@Public()
@Controller('health')
export class HealthController {
  private shuttingDown = false;

  constructor(
    private readonly db: DatabaseService,
    private readonly redis: RedisService,
    private readonly instance: InstanceInfo,
  ) {}

  /** Called on shutdown: readiness fails first so a load balancer stops sending traffic. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok', instance: this.instance.id };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const [database, redis] = await Promise.all([
      check(() => this.db.ping()),
      this.redis.enabled ? check(() => this.redis.ping()) : Promise.resolve<Check>({ status: 'disabled' }),
    ]);
    const ok = !this.shuttingDown && database.status === 'up' && redis.status !== 'down';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', instance: this.instance.id, shuttingDown: this.shuttingDown, checks: { database, redis } };
  }
}
