import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthUser } from './auth-user.js';
import type { GraphQLRequestContext } from '@api/platform/graphql/graphql-context.js';

/** The verified caller. Only meaningful where the auth guard ran (i.e. not on @Public handlers). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser | undefined => {
  const type = context.getType<string>();
  if (type === 'graphql') return GqlExecutionContext.create(context).getContext<GraphQLRequestContext>().user ?? undefined;
  if (type === 'ws') return context.switchToWs().getClient<{ data: { user?: AuthUser } }>().data.user;
  return context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});
