// Every entity the data source knows. The migration scripts read the same list, so an entity missing
// here is missing from the schema check too.
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { RefreshTokenEntity } from '@api/modules/identity/auth/refresh-token.entity.js';
import { LoginAttemptEntity } from '@api/modules/identity/auth/login-attempt.entity.js';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { OrganisationMembershipEntity } from '@api/modules/identity/organisations/organisation-membership.entity.js';
import { OrganisationInvitationEntity } from '@api/modules/identity/organisations/organisation-invitation.entity.js';
import { NetworkEntity } from '@api/modules/networks/network.entity.js';
import { NetworkMembershipEntity } from '@api/modules/networks/network-membership.entity.js';
import { NetworkJoinRequestEntity } from '@api/modules/networks/network-join-request.entity.js';
import { ChallengeEntity } from '@api/modules/challenges/challenge.entity.js';
import { ChallengeTransitionEntity } from '@api/modules/challenges/challenge-transition.entity.js';
import { AnswerEntity } from '@api/modules/challenges/answer.entity.js';
import { AnswerCommentEntity } from '@api/modules/challenges/answer-comment.entity.js';
import { AnswerVoteEntity } from '@api/modules/challenges/answer-vote.entity.js';
import { ChallengeFollowEntity } from '@api/modules/challenges/challenge-follow.entity.js';
import { NotificationEntity } from '@api/modules/notifications/notification.entity.js';
import { ChatChannelEntity } from '@api/modules/chat/chat-channel.entity.js';
import { ChatChannelMemberEntity } from '@api/modules/chat/chat-channel-member.entity.js';
import { ChatMessageEntity } from '@api/modules/chat/chat-message.entity.js';
import { ChatReactionEntity } from '@api/modules/chat/chat-reaction.entity.js';
import { ChatReadMarkerEntity } from '@api/modules/chat/chat-read-marker.entity.js';
import { MatchmakingSessionEntity } from '@api/modules/matchmaking/session.entity.js';
import { ParticipantEntity } from '@api/modules/matchmaking/participant.entity.js';
import { OpportunityEntity } from '@api/modules/matchmaking/opportunity.entity.js';
import { MeetingRequestEntity } from '@api/modules/matchmaking/meeting-request.entity.js';
import { MeetingEntity } from '@api/modules/matchmaking/meeting.entity.js';
import { CanvasEntity } from '@api/modules/canvases/canvas.entity.js';
import { CanvasAccessEntity } from '@api/modules/canvases/canvas-access.entity.js';
import { CanvasUpdateEntity } from '@api/modules/canvases/canvas-update.entity.js';
import { CanvasSnapshotEntity } from '@api/modules/canvases/canvas-snapshot.entity.js';
import { CanvasVersionEntity } from '@api/modules/canvases/canvas-version.entity.js';
import { CanvasHistoryEntity } from '@api/modules/canvases/canvas-history.entity.js';
import { ListingEntity } from '@api/modules/symbiosis/listing.entity.js';
import { MatchEntity } from '@api/modules/symbiosis/match.entity.js';
import { ProposalEntity } from '@api/modules/symbiosis/proposal.entity.js';

export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  LoginAttemptEntity,
  OrganisationEntity,
  OrganisationMembershipEntity,
  OrganisationInvitationEntity,
  NetworkEntity,
  NetworkMembershipEntity,
  NetworkJoinRequestEntity,
  ChallengeEntity,
  ChallengeTransitionEntity,
  AnswerEntity,
  AnswerCommentEntity,
  AnswerVoteEntity,
  ChallengeFollowEntity,
  NotificationEntity,
  ChatChannelEntity,
  ChatChannelMemberEntity,
  ChatMessageEntity,
  ChatReactionEntity,
  ChatReadMarkerEntity,
  MatchmakingSessionEntity,
  ParticipantEntity,
  OpportunityEntity,
  MeetingRequestEntity,
  MeetingEntity,
  CanvasEntity,
  CanvasAccessEntity,
  CanvasUpdateEntity,
  CanvasSnapshotEntity,
  CanvasVersionEntity,
  CanvasHistoryEntity,
  ListingEntity,
  MatchEntity,
  ProposalEntity,
];
