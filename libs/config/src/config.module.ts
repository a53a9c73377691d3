import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './config.schema.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Provides the validated configuration. Tests pass their own `AppConfig` through `forRoot`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = loadConfig()) {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
