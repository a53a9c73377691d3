import { Module } from '@nestjs/common';
import { IdentityModule } from '@api/modules/identity/identity.module.js';
import { NotificationsListener } from './notifications.listener.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

/** Per-user notifications, fed by the domain events of the other features. */
@Module({
  imports: [IdentityModule],
  providers: [NotificationsRepository, NotificationsService, NotificationsResolver, NotificationsListener],
  // Other features notify through the service (never the table).
  exports: [NotificationsService],
})
export class NotificationsModule {}
