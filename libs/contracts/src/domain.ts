/** Domain vocabulary shared by the database, the API and clients (see the domain notes). */
export enum OrganisationKind {
  SME = 'SME',
  EXPERT = 'EXPERT',
  MUNICIPALITY = 'MUNICIPALITY',
  UNIVERSITY = 'UNIVERSITY',
  NGO = 'NGO',
}

export enum OrganisationRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  REVOKED = 'REVOKED',
}

/** Cultural and creative industries subsectors, in EU usage. */
export enum CciSubsector {
  ARCHITECTURE = 'ARCHITECTURE',
  ARCHIVES_LIBRARIES_MUSEUMS = 'ARCHIVES_LIBRARIES_MUSEUMS',
  ARTISTIC_CRAFTS = 'ARTISTIC_CRAFTS',
  AUDIOVISUAL_MULTIMEDIA = 'AUDIOVISUAL_MULTIMEDIA',
  CULTURAL_HERITAGE = 'CULTURAL_HERITAGE',
  DESIGN_FASHION = 'DESIGN_FASHION',
  DESIGN_GRAPHIC = 'DESIGN_GRAPHIC',
  DESIGN_INTERIOR = 'DESIGN_INTERIOR',
  DESIGN_PRODUCT = 'DESIGN_PRODUCT',
  FESTIVALS = 'FESTIVALS',
  MUSIC = 'MUSIC',
  PERFORMING_ARTS = 'PERFORMING_ARTS',
  PUBLISHING = 'PUBLISHING',
  VISUAL_ARTS = 'VISUAL_ARTS',
}

export enum NetworkKind {
  /** Organisations of one city or historic centre. */
  CLUSTER = 'CLUSTER',
  /** Clusters and organisations across countries. */
  NETWORK = 'NETWORK',
}

export enum NetworkVisibility {
  PUBLIC = 'PUBLIC',
  PRIVATE = 'PRIVATE',
}

export enum NetworkRole {
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}

/** Where a join request or a network invitation stands. */
export enum RequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** The ReSOLVE levers of the circular economy (Ellen MacArthur Foundation). */
export enum ResolveLever {
  REGENERATE = 'REGENERATE',
  SHARE = 'SHARE',
  OPTIMISE = 'OPTIMISE',
  LOOP = 'LOOP',
  VIRTUALISE = 'VIRTUALISE',
  EXCHANGE = 'EXCHANGE',
}

export enum ChallengeStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  SOLVED = 'SOLVED',
  CLOSED = 'CLOSED',
}

export enum NotificationKind {
  ANSWER_ON_MY_CHALLENGE = 'ANSWER_ON_MY_CHALLENGE',
  ANSWER_ON_FOLLOWED_CHALLENGE = 'ANSWER_ON_FOLLOWED_CHALLENGE',
  ANSWER_ACCEPTED = 'ANSWER_ACCEPTED',
  JOIN_REQUEST_DECIDED = 'JOIN_REQUEST_DECIDED',
  NETWORK_INVITATION_RECEIVED = 'NETWORK_INVITATION_RECEIVED',
  INVITATION_RECEIVED = 'INVITATION_RECEIVED',
  CHAT_MENTION = 'CHAT_MENTION',
  SYMBIOSIS_MATCH = 'SYMBIOSIS_MATCH',
}

/** What happened on a challenge (`challengeActivity`). */
export enum ChallengeActivityKind {
  ANSWER_ADDED = 'ANSWER_ADDED',
  ANSWER_EDITED = 'ANSWER_EDITED',
  ANSWER_DELETED = 'ANSWER_DELETED',
  COMMENT_ADDED = 'COMMENT_ADDED',
  COMMENT_EDITED = 'COMMENT_EDITED',
  COMMENT_DELETED = 'COMMENT_DELETED',
  VOTE_SCORE_CHANGED = 'VOTE_SCORE_CHANGED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  ANSWER_ACCEPTED = 'ANSWER_ACCEPTED',
  CHALLENGE_DELETED = 'CHALLENGE_DELETED',
}

/** What happened in a network (`networkActivity`). */
export enum NetworkActivityKind {
  MEMBER_JOINED = 'MEMBER_JOINED',
  MEMBER_LEFT = 'MEMBER_LEFT',
  MEMBER_ROLE_CHANGED = 'MEMBER_ROLE_CHANGED',
  CHALLENGE_OPENED = 'CHALLENGE_OPENED',
}

/** What changed in an organisation (`organisationChanged`, socket event `organisation:changed`). */
export enum OrganisationChangeKind {
  UPDATED = 'UPDATED',
  MEMBER_ADDED = 'MEMBER_ADDED',
  MEMBER_REMOVED = 'MEMBER_REMOVED',
  MEMBER_ROLE_CHANGED = 'MEMBER_ROLE_CHANGED',
}
