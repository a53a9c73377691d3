/**
 * The typed map of domain events. Services emit them after their transaction commits; listeners turn
 * them into deliveries (GraphQL subscription topics, socket.io room emits).
 */
export type MemberRole = 'OWNER' | 'ADMIN' | 'MEMBER';

export interface DomainEventMap {
  'organisation.updated': { organisationId: string; actorId: string };
  'organisation.member.added': { organisationId: string; userId: string; role: MemberRole; actorId: string };
  'organisation.member.removed': { organisationId: string; userId: string; actorId: string };
  'organisation.member.role-changed': { organisationId: string; userId: string; role: MemberRole; actorId: string };
  'organisation.invitation.created': {
    invitationId: string;
    organisationId: string;
    organisationName: string;
    email: string;
    inviteeId: string | null;
    role: MemberRole;
    actorId: string;
  };
  'network.member.joined': { networkId: string; organisationId: string; role: 'ADMIN' | 'MEMBER'; actorId: string };
  'network.member.left': { networkId: string; organisationId: string; actorId: string };
  'network.member.role-changed': { networkId: string; organisationId: string; role: 'ADMIN' | 'MEMBER'; actorId: string };
  'network.join-request.created': { requestId: string; networkId: string; organisationId: string; actorId: string };
  'network.join-request.decided': { requestId: string; networkId: string; organisationId: string; approved: boolean; actorId: string };
  'network.invitation.created': { invitationId: string; networkId: string; organisationId: string; actorId: string };
  'challenge.opened': { challengeId: string; networkId: string; actorId: string };
  'challenge.status-changed': { challengeId: string; networkId: string; status: string; actorId: string };
  'challenge.deleted': { challengeId: string; networkId: string; organisationId: string; actorId: string };
  'challenge.answer-added': { challengeId: string; answerId: string; actorId: string };
  'challenge.answer-edited': { challengeId: string; answerId: string; actorId: string };
  'challenge.answer-deleted': { challengeId: string; answerId: string; actorId: string };
  'challenge.comment-added': { challengeId: string; answerId: string; commentId: string; actorId: string };
  'challenge.comment-edited': { challengeId: string; answerId: string; commentId: string; actorId: string };
  'challenge.comment-deleted': { challengeId: string; answerId: string; commentId: string; actorId: string };
  'challenge.vote-changed': { challengeId: string; answerId: string; score: number; actorId: string };
  'challenge.answer-accepted': { challengeId: string; answerId: string; actorId: string };
  'chat.mentioned': { channelId: string; messageId: string; seq: number; mentionedIds: string[]; actorId: string };
  'symbiosis.match-found': { matchId: string; offerId: string; wantId: string; offerOrganisationId: string; wantOrganisationId: string; score: number; actorId: string };
  'session.ended': { userId: string; sessionId: string; reason: 'LOGGED_OUT' | 'SESSION_REVOKED' };
}

export type DomainEventName = keyof DomainEventMap;
