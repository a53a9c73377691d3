export * from './test-hub.js';
export * from './graphql-client.js';
export * from './factories.js';
export * from './realtime-clients.js';
export * from './hub-process.js';
export * from './private-services.js';
export * from './chat-client.js';
export * from './canvas-client.js';
