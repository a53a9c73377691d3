import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { IS_PUBLIC } from './public.decorator.js';
import { AccessTokenService, TokenRejected } from './access-token.service.js';
import type { AuthUser } from './auth-user.js';
import type { GraphQLRequestContext } from '@api/platform/graphql/graphql-context.js';

/**
 * The global guard: every resolver, field resolver, controller and gateway handler requires a verified
 * access token unless marked @Public(). Role and membership checks live in the services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const type = context.getType<string>();
    if (type === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<GraphQLRequestContext>();
      if (ctx.user) return true;
      throw ctx.authFailure ?? new TokenRejected('MISSING_TOKEN');
    }
    if (type === 'ws') {
      // The handshake middleware refuses sockets without a valid token; this re-checks expiry per event.
      const user = context.switchToWs().getClient<{ data: { user?: AuthUser } }>().data.user;
      if (!user) throw new TokenRejected('MISSING_TOKEN');
      if (user.expiresAt * 1000 <= Date.now()) throw new TokenRejected('TOKEN_EXPIRED');
      return true;
    }
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined>; user?: AuthUser }>();
    request.user = this.tokens.verify(AccessTokenService.fromHeader(request.headers.authorization));
    return true;
  }
}
