import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { ChatChannelsService } from '@api/modules/chat/chat-channels.service.js';
import type { ChannelView } from '@api/modules/chat/chat-channels.repository.js';
import { ListingAccessService } from './listing-access.service.js';
import { ListingsRepository } from './listings.repository.js';

/** Title length of a chat channel (its column holds 120). */
const TITLE_MAX = 120;

/**
 * "Start a conversation": the chat channel between an interested organisation and a listing's
 * organisation about that listing. One per listing and organisation pair, through the chat feature;
 * its members are the members of both organisations (refreshed each time it is opened), and it is
 * hidden (NOT_FOUND) from everyone else.
 */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly access: ListingAccessService,
    private readonly listings: ListingsRepository,
    private readonly chat: ChatChannelsService,
  ) {}

  async start(caller: AuthUser, listingId: string, organisationId: string): Promise<ChannelView> {
    const view = await this.access.requireVisible(caller.id, listingId);
    await this.access.requireMemberOf(caller.id, organisationId);
    if (view.listing.organisationId === organisationId) {
      throw DomainException.badInput('Name your own organisation, not the listing’s: the conversation is between the two.', ['organisationId']);
    }
    const members = await this.listings.memberIdsOf([view.listing.organisationId, organisationId]);
    const title = `${view.listing.title}`.slice(0, TITLE_MAX);
    const channelId = await this.chat.openSymbiosisChannel(`symbiosis:${listingId}:${organisationId}`, title, members);
    return this.chat.requireReadable(caller.id, channelId);
  }
}
