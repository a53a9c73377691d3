import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageArgs } from '@api/platform/graphql/pagination.js';
import { CLIENT_ID, EMOJI } from './chat.payloads.js';
import { SingleLine, VisibleText } from '@api/platform/graphql/text-rules.js';

@InputType({ description: 'A new topic channel in a network.' })
export class CreateChatTopicInput {
  @Field(() => ID, { description: 'The network.' })
  @IsUUID()
  networkId: string;

  @Field({ description: 'Title, 2–120 characters, unique in the network; one line, trimmed and NFC-normalised; spaces and invisible characters alone do not count.' })
  @VisibleText({ min: 2, max: 120 })
  title: string;

  @Field(() => String, { nullable: true, description: 'What the channel is for, up to 500 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

@InputType({ description: 'Whom to talk with directly.' })
export class OpenDirectConversationInput {
  @Field(() => [ID], { description: 'The other people, 1 to 19. With one, the existing conversation between you two is returned if there is one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(19)
  @IsUUID('all', { each: true })
  userIds: string[];

  @Field(() => String, { nullable: true, description: 'A title for a group conversation, 1–120 characters; one line, trimmed and NFC-normalised; spaces and invisible characters alone do not count.' })
  @IsOptional()
  @VisibleText({ min: 1, max: 120 })
  title?: string;
}

@InputType({ description: 'A message to send (the socket event `chat:send` does the same).' })
export class SendChatMessageInput {
  @Field(() => ID, { description: 'The channel.' })
  @IsUUID()
  channelId: string;

  @Field({ description: 'Your id for the message (1–64 of A–Z a–z 0–9 - _); sending again with it returns the original.' })
  @Matches(CLIENT_ID)
  clientId: string;

  @Field({ description: 'Markdown, up to 4,000 characters.' })
  @IsString()
  @MaxLength(16_000)
  body: string;

  @Field(() => ID, { nullable: true, description: 'Reply in the thread of this message.' })
  @IsOptional()
  @IsUUID()
  threadRootId?: string;

  @Field(() => [ID], { nullable: true, description: 'Users mentioned (at most 20); each must be able to read the channel.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  mentions?: string[];
}

@InputType({ description: 'A new text for one of your messages.' })
export class EditChatMessageInput {
  @Field(() => ID, { description: 'The message.' })
  @IsUUID()
  messageId: string;

  @Field({ description: 'Markdown, up to 4,000 characters.' })
  @IsString()
  @MaxLength(16_000)
  body: string;

  @Field(() => [ID], { nullable: true, description: 'Users mentioned (at most 20).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  mentions?: string[];
}

@InputType({ description: 'A reaction to add, or to remove if you already reacted so.' })
export class ToggleChatReactionInput {
  @Field(() => ID, { description: 'The message.' })
  @IsUUID()
  messageId: string;

  @Field({ description: 'One emoji or a :shortcode:.' })
  @Matches(EMOJI)
  emoji: string;
}

@ArgsType()
export class ChatHistoryArgs {
  @Field(() => ID, { description: 'The channel.' })
  @IsUUID()
  channelId: string;

  @Field(() => Int, { nullable: true, description: 'Messages before this sequence number (older); without either bound, the latest messages.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  beforeSeq?: number;

  @Field(() => Int, { nullable: true, description: 'Messages after this sequence number (newer).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @Field(() => Int, { description: 'How many, 1 to 100.', defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;
}

@ArgsType()
export class ChatThreadArgs {
  @Field(() => ID, { description: 'The thread’s first message.' })
  @IsUUID()
  threadRootId: string;

  @Field(() => Int, { nullable: true, description: 'Replies after this (channel) sequence number, e.g. the `seq` of the last reply you have.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @Field(() => Int, { description: 'How many, 1 to 100.', defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;
}

@ArgsType()
export class MyChatChannelsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this network’s channels.' })
  @IsOptional()
  @IsUUID()
  networkId?: string;
}

@ArgsType()
export class SearchChatArgs extends PageArgs {
  @Field({ description: 'Words to find, in any of the hub’s languages (web-search syntax: "exact phrase", -exclude, or).' })
  @IsString()
  @Length(2, 200)
  @SingleLine()
  query: string;

  @Field(() => ID, { nullable: true, description: 'Only in this channel.' })
  @IsOptional()
  @IsUUID()
  channelId?: string;
}
