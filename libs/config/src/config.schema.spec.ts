import { ConfigError, loadConfig } from './config.schema.js';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.redis.url).toBeUndefined();
    expect(config.seedDemo).toBe(true);
  });

  it('names every wrong variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'JWT_SECRET', 'LOG_LEVEL']) expect(message).toContain(name);
    }
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
  });

  it("always allows the hub's own origin, where it serves the web client", () => {
    expect(loadConfig({ PORT: '3007' }).http.allowedOrigins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://127.0.0.1:3007']);
    expect(loadConfig({ PUBLIC_URL: 'https://hub.example.org/', ALLOWED_ORIGINS: 'https://hub.example.org' }).http.allowedOrigins).toEqual(['https://hub.example.org']);
    expect(() => loadConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
  });
});
