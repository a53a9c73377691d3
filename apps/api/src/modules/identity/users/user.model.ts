import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A person using the hub.' })
export class User {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Email address; visible only to the user themself.' })
  email: string | null;

  @Field({ description: 'Name shown to others.' })
  displayName: string;

  @Field(() => [String], { description: 'Preferred languages as BCP 47 tags, most preferred first.' })
  preferredLanguages: string[];

  @Field(() => String, { nullable: true, description: 'Country, ISO 3166-1 alpha-2.' })
  country: string | null;

  @Field({ description: 'IANA time zone used to show dates, e.g. Africa/Tunis.' })
  timeZone: string;

  @Field(() => GraphQLISODateTime, { description: 'When the account was created.' })
  createdAt: Date;
}
