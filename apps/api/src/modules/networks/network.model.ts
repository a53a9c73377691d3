import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CciSubsector, NetworkKind, NetworkVisibility } from '@app/contracts';
import { Connection } from '@api/platform/graphql/pagination.js';

registerEnumType(NetworkKind, { name: 'NetworkKind', description: 'CLUSTER: one city or historic centre; NETWORK: across countries.' });
registerEnumType(NetworkVisibility, { name: 'NetworkVisibility', description: 'PUBLIC networks are listed to everyone; PRIVATE ones only to their members.' });

@ObjectType({ description: 'A cluster or cross-border network of organisations.' })
export class Network {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => NetworkKind, { description: 'Cluster or network.' })
  kind: NetworkKind;

  @Field({ description: 'Name.' })
  name: string;

  @Field({ description: 'Description (Markdown, stored as written).' })
  description: string;

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
