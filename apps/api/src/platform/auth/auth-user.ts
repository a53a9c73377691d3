/** Who is calling: read from a verified access token. */
export interface AuthUser {
  id: string;
  /** The login session (refresh-token family) the token belongs to. */
  sessionId: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}
