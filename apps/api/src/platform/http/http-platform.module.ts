import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { RequestDrain } from './request-drain.js';

@Module({ controllers: [HealthController, MetricsController], providers: [RequestDrain], exports: [RequestDrain] })
export class HttpPlatformModule {}
