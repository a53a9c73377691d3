import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PresenceStatus } from '@app/contracts';

/** Client ids are the sender's own keys: short, URL-safe, unique per sender. */
export const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** One emoji (with skin tones, joiners, flags) or a `:shortcode:`. */
export const EMOJI = /^(?=.*(?:\p{Extended_Pictographic}|\p{Regional_Indicator}))(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\p{Regional_Indicator}|\u200d|\ufe0f){1,16}$|^:[a-z0-9_+-]{1,30}:$/u;
/** Bodies are checked in characters by the service; this only stops absurd frames early. */
const BODY_BYTES = 16_000;
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

export class ChannelRefPayload {
  @IsUUID()
  channelId: string;
}

export class JoinPayload extends ChannelRefPayload {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SEQ)
  afterSeq?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SEQ)
  afterRevision?: number;
}

export class SendPayload extends ChannelRefPayload {
  @Matches(CLIENT_ID, { message: 'clientId must be 1 to 64 letters, digits, "-" or "_"' })
  clientId: string;

  @IsString()
  @MaxLength(BODY_BYTES)
  body: string;

  @IsOptional()
  @IsUUID()
  threadRootId?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  mentions?: string[];
}

export class MessageRefPayload {
  @IsUUID()
  messageId: string;
}

export class EditPayload extends MessageRefPayload {
  @IsString()
  @MaxLength(BODY_BYTES)
  body: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  mentions?: string[];
}

export class ReactPayload extends MessageRefPayload {
  @IsString()
  @Matches(EMOJI, { message: 'emoji must be one emoji or a :shortcode:' })
  emoji: string;
}

export class ReadPayload extends ChannelRefPayload {
  @IsInt()
  @Min(0)
  @Max(MAX_SEQ)
  seq: number;
}

export class PresenceSetPayload {
  @IsIn([PresenceStatus.ONLINE, PresenceStatus.AWAY])
  status: PresenceStatus.ONLINE | PresenceStatus.AWAY;
}

export class PresenceWatchPayload {
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  userIds: string[];
}
