import { Injectable } from '@nestjs/common';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { canonicalLanguage } from './locale.validators.js';
import type { UpdateProfileInput } from './user.input.js';
import type { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  async me(caller: AuthUser): Promise<UserEntity> {
    const user = await this.users.findById(caller.id);
    // A token can outlive its account (deleted user): treat it as signed out.
    if (!user) throw DomainException.unauthenticated('This account no longer exists.');
    return user;
  }

  async byId(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw DomainException.notFound('The user');
    return user;
  }

  async updateProfile(caller: AuthUser, input: UpdateProfileInput): Promise<UserEntity> {
    const updated = await this.users.updateProfile(caller.id, {
      ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
      ...(input.preferredLanguages !== undefined ? { preferredLanguages: [...new Set(input.preferredLanguages.map(canonicalLanguage))] } : {}),
      ...(input.country !== undefined ? { country: input.country.toUpperCase() } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
    });
    if (!updated) throw DomainException.unauthenticated('This account no longer exists.');
    return updated;
  }
}
