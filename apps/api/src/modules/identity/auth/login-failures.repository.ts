import { Injectable } from '@nestjs/common';
import { DataSource, LessThan, MoreThan } from 'typeorm';
import { LoginAttemptEntity } from './login-attempt.entity.js';

@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(LoginAttemptEntity);
  }

  async counts(accountKey: string, address: string, since: Date): Promise<{ account: number; address: number }> {
    const [account, byAddress] = await Promise.all([
      this.repo.countBy({ accountKey, createdAt: MoreThan(since) }),
      this.repo.countBy({ address, createdAt: MoreThan(since) }),
    ]);
    return { account, address: byAddress };
  }

  async record(accountKey: string, address: string, pruneBefore: Date): Promise<void> {
    await this.repo.insert({ accountKey, address });
    await this.repo.delete({ createdAt: LessThan(pruneBefore) });
  }

  async clearAccount(accountKey: string): Promise<void> {
    await this.repo.delete({ accountKey });
  }
}
