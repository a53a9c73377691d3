/**
 * GraphQL subscription topics, spelled once. Each topic's payload type is declared beside it, so a
 * publisher and its subscription cannot disagree.
 */
export const Topics = {
  organisationChanged: (organisationId: string) => `organisation.changed.${organisationId}`,
  invitationReceived: (userId: string) => `invitation.received.${userId}`,
  networkActivity: (networkId: string) => `network.activity.${networkId}`,
  challengeActivity: (challengeId: string) => `challenge.activity.${challengeId}`,
  notificationReceived: (userId: string) => `notification.received.${userId}`,
  matchmakingAgenda: (participantId: string) => `matchmaking.agenda.${participantId}`,
  /** Internal: every stored chat change, for each instance's ChatDelivery. */
  chatChanges: 'chat.changes',
  canvasCircularity: (canvasId: string) => `canvas.circularity.${canvasId}`,
  /** Internal: every stored canvas update and awareness change, for each instance's live canvases. */
  canvasUpdates: 'canvas.updates',
  canvasAwareness: 'canvas.awareness',
  /** Internal: a session ended; every instance closes that session's graphql-ws connections. */
  sessionEnded: 'system.session.ended',
} as const;

export interface SessionEndedMessage {
  sessionId: string;
  reason: 'LOGGED_OUT' | 'SESSION_REVOKED';
}
