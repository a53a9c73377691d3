/**
 * socket.io room names, spelled once. A socket joins a room only after the server has authorised it.
 */
export const Rooms = {
  /** Every socket of one user, on every instance. */
  user: (userId: string) => `user:${userId}`,
  /** Every socket opened with tokens of one login session (refresh-token family). */
  session: (sessionId: string) => `session:${sessionId}`,
  /** Members of an organisation who asked to follow it. */
  organisation: (organisationId: string) => `organisation:${organisationId}`,
  /** Users following a network they may see. */
  network: (networkId: string) => `network:${networkId}`,
  /** Chat namespace: sockets that joined a channel (typing indicators; messages go through ChatDelivery). */
  chatChannel: (channelId: string) => `chat:${channelId}`,
  /** Chat namespace: sockets watching a user's presence. */
  presence: (userId: string) => `presence:${userId}`,
} as const;
