import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { User } from '@api/modules/identity/users/user.model.js';

@ObjectType({ description: 'Tokens of a login session.' })
export class AuthPayload {
  @Field({ description: 'Short-lived access token: send it as `Authorization: Bearer <token>`, in graphql-ws `connectionParams.authorization`, or as socket.io `auth.token`.' })
  accessToken: string;

  @Field(() => GraphQLISODateTime, { description: 'When the access token expires.' })
  accessTokenExpiresAt: Date;

  @Field({ description: 'Single-use refresh token: trade it with `refreshSession` for new tokens. Reusing a spent one ends the session.' })
  refreshToken: string;

  @Field(() => GraphQLISODateTime, { description: 'When the refresh token expires.' })
  refreshTokenExpiresAt: Date;

  @Field(() => User, { description: 'The signed-in user.' })
  user: User;
}
