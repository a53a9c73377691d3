import { Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { ArrayMaxSize, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { PageArgs, type Page } from '@api/platform/graphql/pagination.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { Notification, NotificationConnection } from './notification.model.js';
import { NotificationsService } from './notifications.service.js';

@ArgsType()
class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { description: 'Only unread ones.', defaultValue: false })
  @IsBoolean()
  unreadOnly = false;
}

@ArgsType()
class MarkReadArgs {
  @Field(() => [ID], { nullable: true, description: 'The notifications to mark (at most 100); omit to mark all of yours.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  notificationIds?: string[];
}

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  async notifications(@CurrentUser() caller: AuthUser, @Args() args: NotificationsArgs): Promise<Page<Notification>> {
    return this.service.page(caller, args.unreadOnly, args.first, args.after);
  }

  @Query(() => Int, { description: 'How many of your notifications are unread.' })
  unreadNotificationCount(@CurrentUser() caller: AuthUser): Promise<number> {
    return this.service.countUnread(caller);
  }

  @Mutation(() => Int, { description: 'Mark notifications read; returns how many changed.' })
  markNotificationsRead(@CurrentUser() caller: AuthUser, @Args() args: MarkReadArgs): Promise<number> {
    return this.service.markRead(caller, args.notificationIds);
  }

  @Subscription(() => Notification, {
    description: 'Your notifications as they are created.',
    // Payloads may have crossed Redis as JSON: dates arrive as strings.
    resolve: ({ notificationReceived: n }: { notificationReceived: Notification }) => ({ ...n, createdAt: new Date(n.createdAt), readAt: n.readAt ? new Date(n.readAt) : null }),
  })
  notificationReceived(@CurrentUser() caller: AuthUser) {
    return this.pubSub.asyncIterableIterator(Topics.notificationReceived(caller.id));
  }
}
