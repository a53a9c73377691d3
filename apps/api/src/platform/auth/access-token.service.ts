import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import type { AuthUser } from './auth-user.js';

const ALGORITHM = 'HS256';
const AUDIENCE = 'innomed-hub';
const ISSUER = 'innomed-hub';
const TOKEN_TYPE = 'access';

export type TokenFailure = 'MISSING_TOKEN' | 'INVALID_TOKEN' | 'TOKEN_EXPIRED';

export class TokenRejected extends DomainException {
  constructor(readonly reason: TokenFailure) {
    super(
      DomainException.unauthenticated().code,
      reason === 'TOKEN_EXPIRED'
        ? 'Your access token has expired; refresh it.'
        : reason === 'MISSING_TOKEN'
          ? 'Sign in to do this: send an access token.'
          : 'Your access token is not valid.',
    );
  }
}

/**
 * Signs and verifies short-lived access tokens. Verification pins the algorithm (never `none`) and
 * checks expiry, not-before, audience, issuer and token type.
 */
@Injectable()
export class AccessTokenService {
  private readonly logger = new Logger(AccessTokenService.name);
  /**
   * A KeyObject made once: given a string, jsonwebtoken first tries to parse it as a PEM public key
   * and throws, on every call (measured at a tenth of the CPU of an authenticated query).
   */
  private readonly secret: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.secret = createSecretKey(Buffer.from(config.auth.jwtSecret ?? this.developmentSecret(), 'utf8'));
  }

  sign(userId: string, sessionId: string): { token: string; expiresAt: Date } {
    const ttl = this.config.auth.accessTtlSeconds;
    const token = jwt.sign({ sid: sessionId, typ: TOKEN_TYPE }, this.secret, {
      algorithm: ALGORITHM,
      subject: userId,
      audience: AUDIENCE,
      issuer: ISSUER,
      expiresIn: ttl,
      notBefore: 0,
    });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  verify(token: string | undefined | null): AuthUser {
    if (!token) throw new TokenRejected('MISSING_TOKEN');
    try {
      const claims = jwt.verify(token, this.secret, { algorithms: [ALGORITHM], audience: AUDIENCE, issuer: ISSUER });
      if (typeof claims === 'string' || claims.typ !== TOKEN_TYPE || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') {
        throw new TokenRejected('INVALID_TOKEN');
      }
      return { id: claims.sub, sessionId: claims.sid, expiresAt: claims.exp };
    } catch (error) {
      if (error instanceof TokenRejected) throw error;
      if (error instanceof jwt.TokenExpiredError) throw new TokenRejected('TOKEN_EXPIRED');
      throw new TokenRejected('INVALID_TOKEN');
    }
  }

  /** `Authorization: Bearer <token>` → token, or undefined. */
  static fromHeader(header: string | string[] | undefined): string | undefined {
    const value = Array.isArray(header) ? header[0] : header;
    const match = value?.match(/^Bearer\s+(\S+)$/i);
    return match?.[1];
  }

  /**
   * Outside production a missing JWT_SECRET is generated once and kept beside the embedded data, so
   * tokens survive a restart. With `memory://` data it lives for this process only.
   */
  private developmentSecret(): string {
    const dir = this.config.database.dataDir;
    if (dir.startsWith('memory://')) return randomBytes(48).toString('base64url');
    const file = resolve(dir, 'jwt-secret');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    this.logger.warn(`JWT_SECRET not set: generated one in ${file} (development only)`);
    return secret;
  }
}
