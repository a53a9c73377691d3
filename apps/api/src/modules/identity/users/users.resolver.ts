import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { User } from './user.model.js';
import { toUser } from './user.mapper.js';
import { UpdateProfileInput } from './user.input.js';
import { UsersService } from './users.service.js';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Query(() => User, { description: 'The signed-in user.' })
  async me(@CurrentUser() caller: AuthUser): Promise<User> {
    return toUser(await this.users.me(caller), caller.id);
  }

  @Mutation(() => User, { description: 'Change your display name, languages, country or time zone.' })
  async updateProfile(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The fields to change.' }) input: UpdateProfileInput): Promise<User> {
    return toUser(await this.users.updateProfile(caller, input), caller.id);
  }
}
