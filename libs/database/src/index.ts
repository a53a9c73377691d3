export * from './embedded-postgres.js';
export * from './data-source-options.js';
export * from './snake-naming.strategy.js';
export * from './migrations/index.js';
