import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { UserEntity } from './user.entity.js';

export type NewUser = Pick<UserEntity, 'email' | 'passwordHash' | 'displayName' | 'preferredLanguages' | 'country' | 'timeZone'>;

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ email });
  }

  create(user: NewUser, manager?: EntityManager): Promise<UserEntity> {
    return this.repo(manager).save(this.repo(manager).create(user));
  }

  async updateProfile(id: string, changes: Partial<Pick<UserEntity, 'displayName' | 'preferredLanguages' | 'country' | 'timeZone'>>): Promise<UserEntity | null> {
    if (Object.keys(changes).length > 0) await this.repo().update({ id }, changes);
    return this.findById(id);
  }
}
