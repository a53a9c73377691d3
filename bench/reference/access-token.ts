/**
 * Access-token checks for the bare references: the same ones the hub makes (HS256 only, audience,
 * issuer, expiry, token type, subject and session), with nothing around them.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { GraphQLError } from 'graphql';
import jwt from 'jsonwebtoken';

export interface Caller {
  id: string;
  sessionId: string;
}

/** A KeyObject made once: given a string, jsonwebtoken tries (and fails) to parse it as a PEM key on every call. */
export function secretKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/** The caller named by `Authorization: Bearer <token>`, or null when the token is missing or fails a check. */
export function verifyAccessToken(header: string | undefined, secret: KeyObject): Caller | null {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) return null;
  try {
    const claims = jwt.verify(token, secret, { algorithms: ['HS256'], audience: 'innomed-hub', issuer: 'innomed-hub' });
    if (typeof claims === 'string' || claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') {
      return null;
    }
    return { id: claims.sub, sessionId: claims.sid };
  } catch {
    return null;
  }
}

export const unauthenticated = (): GraphQLError => new GraphQLError('You need to sign in.', { extensions: { code: 'UNAUTHENTICATED' } });
