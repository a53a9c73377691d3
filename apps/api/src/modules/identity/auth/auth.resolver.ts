import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { Public } from '@api/platform/auth/public.decorator.js';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import type { GraphQLRequestContext } from '@api/platform/graphql/graphql-context.js';
import { toUser } from '@api/modules/identity/users/user.mapper.js';
import { AuthPayload } from './auth-payload.model.js';
import { LoginInput, RegisterInput } from './auth.input.js';
import { AuthService, type IssuedSession } from './auth.service.js';

@ArgsType()
class RefreshArgs {
  @Field({ description: 'The refresh token from the last sign-in or refresh.' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

function toPayload(session: IssuedSession): AuthPayload {
  return { ...session, user: toUser(session.user, session.user.id) };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Create an account and sign in.' })
  async register(@Args('input', { description: 'The new account.' }) input: RegisterInput): Promise<AuthPayload> {
    return toPayload(await this.auth.register(input));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in. Repeated failures are throttled per account and per address (RATE_LIMITED).' })
  async login(@Args('input', { description: 'Credentials.' }) input: LoginInput, @Context() ctx: GraphQLRequestContext): Promise<AuthPayload> {
    return toPayload(await this.auth.login(input, ctx.clientAddress));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Trade a refresh token for new tokens. Each refresh token works once.' })
  async refreshSession(@Args() args: RefreshArgs): Promise<AuthPayload> {
    return toPayload(await this.auth.refresh(args.refreshToken));
  }

  @Mutation(() => Boolean, { description: 'Sign out: ends this session, its refresh tokens and its live connections.' })
  async logout(@CurrentUser() caller: AuthUser): Promise<boolean> {
    await this.auth.logout(caller);
    return true;
  }
}
