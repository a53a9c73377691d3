import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { selectList } from '@api/platform/database/select-list.js';
import { UserEntity } from './user.entity.js';

export type NewUser = Pick<UserEntity, 'email' | 'passwordHash' | 'displayName' | 'preferredLanguages' | 'country' | 'timeZone'>;

@Injectable()
export class UsersRepository {
  private readonly byIdSql: string;

  constructor(private readonly dataSource: DataSource) {
    this.byIdSql = `SELECT ${selectList(dataSource, UserEntity)} FROM "${dataSource.getMetadata(UserEntity).tableName}" WHERE "id" = $1`;
  }

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  /** On every authenticated `me`: plain SQL over the entity's columns (see selectList). */
  async findById(id: string): Promise<UserEntity | null> {
    const rows: UserEntity[] = await this.dataSource.query(this.byIdSql, [id]);
    return rows[0] ?? null;
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
