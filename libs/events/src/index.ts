export * from './domain-events.js';
export * from './domain-event-bus.js';
export * from './events.module.js';
