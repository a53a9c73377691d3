import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CciSubsector, NetworkActivityKind, NetworkKind, NetworkRole, NetworkVisibility, RequestStatus } from '@app/contracts';
import { Connection } from '@api/platform/graphql/pagination.js';
import { Organisation } from '@api/modules/identity/organisations/organisation.model.js';
import { NetworkJoinDirection } from './network-join-request.entity.js';

registerEnumType(NetworkActivityKind, {
  name: 'NetworkActivityKind',
  description: 'What happened in a network.',
  valuesMap: {
    MEMBER_JOINED: { description: 'An organisation joined; `organisationId` names it.' },
    MEMBER_LEFT: { description: 'An organisation left or was removed; `organisationId` names it.' },
    MEMBER_ROLE_CHANGED: { description: 'An organisation’s network role changed; `organisationId` names it.' },
    CHALLENGE_OPENED: { description: 'A challenge was opened in the network; `challengeId` names it.' },
  },
});
registerEnumType(NetworkKind, {
  name: 'NetworkKind',
  description: 'CLUSTER: one city or historic centre; NETWORK: across countries.',
  valuesMap: {
    CLUSTER: { description: 'The organisations of one city or historic centre.' },
    NETWORK: { description: 'Clusters and organisations across countries.' },
  },
});
registerEnumType(NetworkVisibility, {
  name: 'NetworkVisibility',
  description: 'PUBLIC networks are listed to everyone; PRIVATE ones only to their members.',
  valuesMap: {
    PUBLIC: { description: 'Listed to and readable by every signed-in user.' },
    PRIVATE: { description: 'Exists only for its members; NOT_FOUND to everyone else.' },
  },
});
registerEnumType(NetworkRole, {
  name: 'NetworkRole',
  description: 'ADMIN organisations manage the network (at least one always); MEMBER organisations take part.',
  valuesMap: {
    ADMIN: { description: 'Manages the network: members, invitations, settings.' },
    MEMBER: { description: 'Takes part in the network.' },
  },
});
registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  description: 'Where a join request or network invitation stands.',
  valuesMap: {
    PENDING: { description: 'Waiting for the other side to decide.' },
    APPROVED: { description: 'Accepted; the organisation became a member. Final.' },
    REJECTED: { description: 'Declined. Final.' },
    WITHDRAWN: { description: 'Taken back by the side that opened it. Final.' },
  },
});
registerEnumType(NetworkJoinDirection, {
  name: 'NetworkJoinDirection',
  description: 'REQUEST: the organisation asked; INVITATION: the network asked.',
  valuesMap: {
    REQUEST: { description: 'The organisation asked to join; the network’s admins decide.' },
    INVITATION: { description: 'The network invited the organisation; its owners and admins decide.' },
  },
});

@ObjectType({ description: 'A cluster or cross-border network of organisations.' })
export class Network {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => NetworkKind, { description: 'Cluster or network.' })
  kind: NetworkKind;

  @Field({ description: 'Name.' })
  name: string;

  @Field({ description: 'Description (Markdown, stored as written; render it safely).' })
  description: string;

  @Field(() => String, { nullable: true, description: 'City or historic centre of a cluster.' })
  city: string | null;

  @Field(() => [String], { description: 'Countries it spans, ISO 3166-1 alpha-2.' })
  countries: string[];

  @Field(() => [CciSubsector], { description: 'CCI subsectors it focuses on.' })
  subsectors: CciSubsector[];

  @Field(() => NetworkVisibility, { description: 'Who can find it.' })
  visibility: NetworkVisibility;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt: Date;
}

export const NetworkConnection = Connection(Network, 'Network');

@ObjectType({ description: 'An organisation taking part in a network.' })
export class NetworkMember {
  @Field(() => Organisation, { description: 'The member organisation.' })
  organisation: Organisation;

  @Field(() => NetworkRole, { description: 'Its role in the network.' })
  role: NetworkRole;

  @Field(() => GraphQLISODateTime, { description: 'When it joined.' })
  joinedAt: Date;
}

export const NetworkMemberConnection = Connection(NetworkMember, 'NetworkMember');

@ObjectType({ description: 'An organisation’s request to join a network, or a network’s invitation to an organisation.' })
export class NetworkJoinRequest {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => NetworkJoinDirection, { description: 'Who asked whom.' })
  direction: NetworkJoinDirection;

  @Field(() => Network, { description: 'The network.' })
  network: Network;

  @Field(() => Organisation, { description: 'The organisation.' })
  organisation: Organisation;

  @Field({ description: 'The note that came with it.' })
  message: string;

  @Field(() => RequestStatus, { description: 'Where it stands.' })
  status: RequestStatus;

  @Field(() => GraphQLISODateTime, { description: 'When it was made.' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was decided.' })
  decidedAt: Date | null;
}

@ObjectType({ description: 'Something happened in a network you can see.' })
export class NetworkActivity {
  @Field(() => ID, { description: 'The network.' })
  networkId: string;

  @Field(() => NetworkActivityKind, { description: 'What happened.' })
  kind: NetworkActivityKind;

  @Field(() => ID, { nullable: true, description: 'The organisation concerned.' })
  organisationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The challenge concerned, for CHALLENGE_OPENED.' })
  challengeId: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  at: Date;
}

@ObjectType({ description: 'How many organisations take part.' })
export class NetworkStats {
  @Field(() => Int, { description: 'Member organisations.' })
  memberCount: number;
}
