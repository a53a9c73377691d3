import type { UserEntity } from './user.entity.js';
import type { User } from './user.model.js';

/** Entity → API model. The email is shown only to its owner. */
export function toUser(entity: UserEntity, viewerId: string | null): User {
  return {
    id: entity.id,
    email: viewerId === entity.id ? entity.email : null,
    displayName: entity.displayName,
    preferredLanguages: entity.preferredLanguages,
    country: entity.country,
    timeZone: entity.timeZone,
    createdAt: entity.createdAt,
  };
}
