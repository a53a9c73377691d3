import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DomainEventBus } from '@app/events';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { AccessTokenService } from '@api/platform/auth/access-token.service.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { UsersRepository } from '@api/modules/identity/users/users.repository.js';
import { canonicalLanguage } from '@api/modules/identity/users/locale.validators.js';
import type { UserEntity } from '@api/modules/identity/users/user.entity.js';
import type { LoginInput, RegisterInput } from './auth.input.js';
import { LoginFailuresRepository } from './login-failures.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

export interface IssuedSession {
  user: UserEntity;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly failures: LoginFailuresRepository,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly events: DomainEventBus,
  ) {}

  async register(input: RegisterInput): Promise<IssuedSession> {
    const email = normaliseEmail(input.email);
    const passwordHash = await this.hasher.hash(input.password);
    try {
      const user = await this.users.create({
        email,
        passwordHash,
        displayName: input.displayName.trim(),
        preferredLanguages: [...new Set((input.preferredLanguages ?? ['en']).map(canonicalLanguage))],
        country: input.country?.toUpperCase() ?? null,
        timeZone: input.timeZone ?? 'UTC',
      });
      return this.startSession(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.conflict('An account with this email address already exists.');
      throw error;
    }
  }

  /**
   * Throttled per account and per client address, counting failures within the window; the answer
   * for a wrong password and for an unknown email is the same, and takes the same time.
   */
  async login(input: LoginInput, address: string): Promise<IssuedSession> {
    const accountKey = normaliseEmail(input.email);
    const windowStart = new Date(Date.now() - this.config.auth.loginWindowSeconds * 1000);
    const counts = await this.failures.counts(accountKey, address, windowStart);
    if (counts.account >= this.config.auth.loginMaxFailuresPerAccount || counts.address >= this.config.auth.loginMaxFailuresPerAddress) {
      throw DomainException.rateLimited('Too many failed sign-in attempts; wait a few minutes and try again.');
    }
    const user = await this.users.findByEmail(accountKey);
    const valid = user ? await this.hasher.verify(user.passwordHash, input.password) : await this.hasher.verifyNothing(input.password);
    if (!user || !valid) {
      await this.failures.record(accountKey, address, windowStart);
      throw DomainException.unauthenticated('The email address or the password is wrong.');
    }
    if (counts.account > 0) await this.failures.clearAccount(accountKey);
    return this.startSession(user);
  }

  /** Trades a refresh token for new tokens. A token presented twice ends its whole session. */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const tokenHash = sha256(refreshToken);
    const outcome = await this.db.transaction(async (manager) => {
      const stored = await this.refreshTokens.findByHash(tokenHash, manager);
      if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
      if (stored.usedAt || !(await this.refreshTokens.spend(stored.id, manager))) {
        await this.refreshTokens.revokeFamily(stored.familyId, manager);
        return { kind: 'reused' as const, userId: stored.userId, familyId: stored.familyId };
      }
      const next = await this.issueRefreshToken(stored.userId, stored.familyId, manager);
      return { kind: 'rotated' as const, userId: stored.userId, familyId: stored.familyId, ...next };
    });
    if (outcome.kind === 'invalid') throw DomainException.unauthenticated('This refresh token is not valid; sign in again.');
    if (outcome.kind === 'reused') {
      this.events.emit('session.ended', { userId: outcome.userId, sessionId: outcome.familyId, reason: 'SESSION_REVOKED' });
      throw DomainException.unauthenticated('This refresh token was already used, so the session has been ended for safety; sign in again.');
    }
    const user = await this.users.findById(outcome.userId);
    if (!user) throw DomainException.unauthenticated('This account no longer exists.');
    const access = this.accessTokens.sign(user.id, outcome.familyId);
    return { user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: outcome.token, refreshTokenExpiresAt: outcome.expiresAt };
  }

  /** Ends the caller's session: its refresh tokens stop working and its live connections close. */
  async logout(caller: AuthUser): Promise<void> {
    await this.refreshTokens.revokeFamily(caller.sessionId);
    this.events.emit('session.ended', { userId: caller.id, sessionId: caller.sessionId, reason: 'LOGGED_OUT' });
  }

  private async startSession(user: UserEntity): Promise<IssuedSession> {
    const familyId = randomUUID();
    const refresh = await this.issueRefreshToken(user.id, familyId);
    const access = this.accessTokens.sign(user.id, familyId);
    return { user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refresh.token, refreshTokenExpiresAt: refresh.expiresAt };
  }

  private async issueRefreshToken(userId: string, familyId: string, manager?: Parameters<RefreshTokensRepository['issue']>[1]) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTtlSeconds * 1000);
    await this.refreshTokens.issue({ userId, familyId, tokenHash: sha256(token), expiresAt }, manager);
    return { token, expiresAt };
  }
}
