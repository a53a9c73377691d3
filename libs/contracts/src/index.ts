export * from './error-codes.js';
export * from './rooms.js';
export * from './socket-events.js';
export * from './domain.js';
export * from './chat-events.js';
export * from './matchmaking.js';
export * from './canvas-events.js';
export * from './dates.js';
