import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import type { GraphQLRequestContext } from '@api/platform/graphql/graphql-context.js';
import { VisibleTextPipe } from '@api/platform/graphql/text-rules.js';
import { UuidPipe } from '@api/platform/graphql/uuid.pipe.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { renderServerText, viewerLanguage } from '@api/platform/i18n/server-text.js';
import { UsersRepository } from '@api/modules/identity/users/users.repository.js';
import type { ServerTextLanguage } from '@app/contracts';
import { Topics } from '@api/platform/realtime/topics.js';
import { CanvasesService } from './canvases.service.js';
import type { CanvasWithRole } from './canvases.repository.js';
import { checkCircularity, toJson, toMarkdown, type CircularityReport } from './document/index.js';
import { Canvas, CanvasCircularityChanged, CanvasConnection, CanvasDocument, CanvasGrant, CanvasHistoryEntry, CanvasVersion, CircularityReportModel } from './canvas.model.js';
import { CanvasExportFormat, CanvasGrantInput, CanvasesArgs, CreateCanvasInput } from './canvas.input.js';

function toCanvas({ canvas, role }: CanvasWithRole, seq?: number): Canvas {
  return {
    id: canvas.id,
    networkId: canvas.networkId,
    ownerOrganisationId: canvas.ownerOrganisationId,
    challengeId: canvas.challengeId,
    title: canvas.title,
    seq: seq ?? canvas.lastSeq,
    lastActivityAt: canvas.lastActivityAt,
    archivedAt: canvas.archivedAt,
    viewerRole: role!,
    createdAt: canvas.createdAt,
  };
}

/** The report as the schema gives it: its gaps worded in the viewer's language. */
const toReport = (report: CircularityReport, language: ServerTextLanguage): CircularityReportModel => {
  const { gapTexts, ...rest } = report;
  return { ...rest, gapMessages: gapTexts.map((gap) => renderServerText(gap, language)) } as CircularityReportModel;
};

/** Canvases through GraphQL: management, decoded content, export, versions, history, live circularity. */
@Resolver(() => Canvas)
export class CanvasesResolver {
  constructor(
    private readonly service: CanvasesService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly users: UsersRepository,
  ) {}

  private async languageOf(userId: string): Promise<ServerTextLanguage> {
    return viewerLanguage((await this.users.findById(userId))?.preferredLanguages);
  }

  @Query(() => CanvasConnection, { description: 'A network’s canvases you can see, most recently active first.' })
  async canvases(@CurrentUser() caller: AuthUser, @Args() args: CanvasesArgs): Promise<Page<Canvas>> {
    const rows = await this.service.list(caller.id, args.networkId, { includeArchived: args.includeArchived, first: args.first, after: decodeCursor(args.after, 'timestamp') });
    return toPage(rows.map((row) => toCanvas(row)), args.first, (c) => ({ key: c.lastActivityAt.toISOString(), id: c.id }));
  }

  @Query(() => CanvasDocument, { description: 'A canvas with its decoded content (blocks, cards, flows) and circularity check.' })
  async canvas(@CurrentUser() caller: AuthUser, @Args('canvasId', { type: () => ID, description: 'The canvas.' }, UuidPipe) canvasId: string): Promise<CanvasDocument> {
    const read = await this.service.content(caller.id, canvasId);
    return { canvas: toCanvas(read, read.seq), blocks: read.content.blocks as CanvasDocument['blocks'], circularity: toReport(checkCircularity(read.content), await this.languageOf(caller.id)) };
  }

  @Query(() => String, { description: 'A canvas exported as Markdown or JSON.' })
  async exportCanvas(
    @CurrentUser() caller: AuthUser,
    @Args('canvasId', { type: () => ID, description: 'The canvas.' }, UuidPipe) canvasId: string,
    @Args('format', { type: () => CanvasExportFormat, description: 'The format.' }) format: CanvasExportFormat,
  ): Promise<string> {
    const read = await this.service.content(caller.id, canvasId);
    const report = checkCircularity(read.content);
    return format === CanvasExportFormat.MARKDOWN ? toMarkdown(read.canvas.title, read.content, report) : toJson(read.canvas.title, read.content, report);
  }

  @Query(() => [CanvasVersion], { description: 'Named versions, newest first.' })
  canvasVersions(@CurrentUser() caller: AuthUser, @Args('canvasId', { type: () => ID, description: 'The canvas.' }, UuidPipe) canvasId: string): Promise<CanvasVersion[]> {
    return this.service.versions(caller.id, canvasId);
  }

  @Query(() => [CanvasHistoryEntry], { description: 'Who changed which blocks when, grouped by person and time, newest first.' })
  canvasHistory(
    @CurrentUser() caller: AuthUser,
    @Args('canvasId', { type: () => ID, description: 'The canvas.' }, UuidPipe) canvasId: string,
    @Args('limit', { type: () => Int, defaultValue: 50, description: 'How many entries, 1 to 200.' }) limit: number,
  ): Promise<CanvasHistoryEntry[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw DomainException.badInput('limit is 1 to 200.', ['limit']);
    return this.service.history(caller.id, canvasId, limit) as Promise<CanvasHistoryEntry[]>;
  }

  @Query(() => [CanvasGrant], { description: 'Who was given which role on the canvas (besides the owning organisation and the network).' })
  canvasAccess(@CurrentUser() caller: AuthUser, @Args('canvasId', { type: () => ID, description: 'The canvas.' }, UuidPipe) canvasId: string): Promise<CanvasGrant[]> {
    return this.service.accessList(caller.id, canvasId);
  }

  @Mutation(() => Canvas, { description: 'Create a canvas in a network, for an organisation of yours there, empty or from a template.' })
  async createCanvas(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The canvas.' }) input: CreateCanvasInput): Promise<Canvas> {
    return toCanvas(await this.service.create(caller.id, input));
  }

  @Mutation(() => Canvas, { description: 'Rename a canvas (editors).' })
  async renameCanvas(
    @CurrentUser() caller: AuthUser,
    @Args('canvasId', { type: () => ID, description: 'The canvas.' }, UuidPipe) canvasId: string,
    @Args('title', { description: 'The new title, 2–200 characters; one line, trimmed and NFC-normalised; spaces and invisible characters alone do not count.' }, new VisibleTextPipe({ min: 2, max: 200 }))
    title: string,
  ): Promise<Canvas> {
    return toCanvas(await this.service.rename(caller.id, canvasId, title));
  }

  @Mutation(() => Canvas, { description: 'Archive (read-only) or unarchive a canvas (its managers).' })
  async archiveCanvas(
    @CurrentUser() caller: AuthUser,
    @Args('canvasId', { type: () => ID, description: 'The canvas.' }, UuidPipe) canvasId: string,
    @Args('archived', { type: () => Boolean, defaultValue: true, description: 'True to archive, false to bring back.' }) archived: boolean,
  ): Promise<Canvas> {
    return toCanvas(await this.service.archive(caller.id, canvasId, archived));
  }

  @Mutation(() => [CanvasGrant], { description: 'Give an organisation or a user a role on a canvas, or take it away (its managers); returns the list.' })
  setCanvasAccess(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The grant.' }) input: CanvasGrantInput): Promise<CanvasGrant[]> {
    return this.service.grant(caller.id, input.canvasId, { organisationId: input.organisationId, userId: input.userId }, input.role ?? null);
  }

  @Mutation(() => CanvasVersion, { description: 'Name the canvas as it is now (editors), e.g. "after Tunis workshop".' })
  createCanvasVersion(
    @CurrentUser() caller: AuthUser,
    @Args('canvasId', { type: () => ID, description: 'The canvas.' }, UuidPipe) canvasId: string,
    @Args('name', { description: 'The name, 1–120 characters; one line, trimmed and NFC-normalised; spaces and invisible characters alone do not count.' }, new VisibleTextPipe({ min: 1, max: 120 }))
    name: string,
  ): Promise<CanvasVersion> {
    return this.service.createVersion(caller.id, canvasId, name);
  }

  @Mutation(() => Int, { nullable: true, description: 'Restore a version as a new change every editor converges to (editors); returns its seq, or null when nothing differed.' })
  async restoreCanvasVersion(@CurrentUser() caller: AuthUser, @Args('versionId', { type: () => ID, description: 'The version.' }, UuidPipe) versionId: string): Promise<number | null> {
    return (await this.service.restore(caller.id, versionId)).seq;
  }

  @Subscription(() => CanvasCircularityChanged, {
    description: 'The circularity check of a canvas, again after each burst of changes.',
    filter: async function (this: CanvasesResolver, payload: { canvasId: string }, _args: unknown, ctx: GraphQLRequestContext) {
      if (!ctx.user) return false;
      return this.service.requireRole(ctx.user.id, payload.canvasId).then(
        () => true,
        () => false,
      );
    },
    resolve: async function (this: CanvasesResolver, payload: { canvasId: string; report: CircularityReport }, _args: unknown, ctx: GraphQLRequestContext) {
      return { canvasId: payload.canvasId, report: toReport(payload.report, ctx.user ? await this.languageOf(ctx.user.id) : 'en') };
    },
  })
  async canvasCircularityChanged(@CurrentUser() caller: AuthUser, @Args('canvasId', { type: () => ID, description: 'The canvas.' }, UuidPipe) canvasId: string) {
    await this.service.requireRole(caller.id, canvasId);
    return this.pubSub.asyncIterableIterator(Topics.canvasCircularity(canvasId));
  }
}
