import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NetworkRole } from '@app/contracts';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { PasswordHasher } from '@api/modules/identity/auth/password-hasher.js';
import { UsersRepository } from '@api/modules/identity/users/users.repository.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { OrganisationsRepository } from '@api/modules/identity/organisations/organisations.repository.js';
import { OrganisationMembersRepository } from '@api/modules/identity/organisations/organisation-members.repository.js';
import { NetworksRepository } from '@api/modules/networks/networks.repository.js';
import { NetworkMembershipsRepository } from '@api/modules/networks/network-memberships.repository.js';
import { DemoChallengesSeeder } from './demo-challenges.seeder.js';
import { DemoChatSeeder } from './demo-chat.seeder.js';
import { DemoMatchmakingSeeder } from './demo-matchmaking.seeder.js';
import { DemoCanvasSeeder } from './demo-canvas.seeder.js';
import { DemoSymbiosisSeeder } from './demo-symbiosis.seeder.js';
import { DEMO_NETWORKS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS, type DemoOrganisationKey } from './demo-data.js';

const SEED_LOCK_KEY = 724_311_002;

export interface DemoCredentials {
  password: string;
  emails: string[];
}

/** Seeds the demo data into an empty database, in one transaction (all or nothing). */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly db: DatabaseService,
    private readonly hasher: PasswordHasher,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly members: OrganisationMembersRepository,
    private readonly networks: NetworksRepository,
    private readonly networkMembers: NetworkMembershipsRepository,
    private readonly challenges: DemoChallengesSeeder,
    private readonly chat: DemoChatSeeder,
    private readonly matchmaking: DemoMatchmakingSeeder,
    private readonly canvases: DemoCanvasSeeder,
    private readonly symbiosis: DemoSymbiosisSeeder,
  ) {}

  /**
   * The demo credentials when demo data is present (seeding it now if the database is empty).
   * Instances starting together take turns through an advisory lock, so only the first seeds.
   */
  async ensureSeeded(): Promise<DemoCredentials | null> {
    if (!this.config.seedDemo) return null;
    const firstDemo = DEMO_USERS[0]!.email;
    await this.db.withAdvisoryLock(SEED_LOCK_KEY, async () => {
      if ((await this.dataSource.getRepository(UserEntity).count()) === 0) {
        await this.seed();
        this.logger.log('seeded demo data');
      }
    });
    return (await this.users.findByEmail(firstDemo)) ? { password: DEMO_PASSWORD, emails: DEMO_USERS.map((u) => u.email) } : null;
  }

  private async seed(): Promise<void> {
    // Hash outside the transaction: argon2 is slow and must not hold the database.
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    await this.db.transaction(async (manager) => {
      const orgIds = new Map<DemoOrganisationKey, string>();
      const userIds = new Map<string, string>();
      for (const user of DEMO_USERS) {
        const created = await this.users.create({ email: user.email, passwordHash, displayName: user.displayName, preferredLanguages: user.preferredLanguages, country: user.country, timeZone: user.timeZone }, manager);
        userIds.set(user.email, created.id);
      }
      for (const { key, ...fields } of DEMO_ORGANISATIONS) {
        const holders = DEMO_USERS.flatMap((u) => u.memberships.filter(([k]) => k === key).map(([, role]) => ({ userId: userIds.get(u.email)!, role })));
        // The first listed holder is the owner the organisation is created with.
        const [first, ...rest] = holders;
        const organisation = await this.organisations.createWithOwner({ ...fields, subsectors: [...fields.subsectors] }, first!.userId, manager);
        for (const holder of rest) await this.members.add(organisation.id, holder.userId, holder.role, manager);
        orgIds.set(key, organisation.id);
      }
      const networkIds = new Map<string, string>();
      for (const { key, host, admins, members, ...network } of DEMO_NETWORKS) {
        const created = await this.networks.createWithAdmin({ ...network, createdByOrganisationId: orgIds.get(host)! }, manager);
        for (const admin of admins) await this.networkMembers.add(created.id, orgIds.get(admin)!, NetworkRole.ADMIN, manager);
        for (const member of members) await this.networkMembers.add(created.id, orgIds.get(member)!, NetworkRole.MEMBER, manager);
        networkIds.set(key, created.id);
      }
      await this.challenges.seed(manager, { users: userIds, organisations: orgIds, networks: networkIds });
      await this.chat.seed(manager, { users: userIds, networks: networkIds });
      await this.matchmaking.seed(manager, { users: userIds, organisations: orgIds, networks: networkIds });
      await this.canvases.seed(manager, { users: userIds, organisations: orgIds, networks: networkIds });
      await this.symbiosis.seed(manager, { users: userIds, organisations: orgIds, networks: networkIds });
    });
  }
}
