import { Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import { CanvasRole } from '@app/contracts';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { ANY_MEMBER, MANAGERS, OrganisationAccessService } from '@api/modules/identity/organisations/organisation-access.service.js';
import { NetworkAccessService } from '@api/modules/networks/network-access.service.js';
import { ChallengeAccessService } from '@api/modules/challenges/challenge-access.service.js';
import { CanvasesRepository, type CanvasWithRole } from './canvases.repository.js';
import { CanvasLogRepository } from './canvas-log.repository.js';
import { LiveCanvases, byAuthor } from './live-canvases.js';
import type { CanvasEntity } from './canvas.entity.js';
import { applyTemplate, groupHistory, readContent, restoreVersion, type CanvasTemplate } from './document/index.js';

/**
 * Canvases: create (empty or from a template), rename, archive, access, versions and history. Who may
 * do what: network members see a network's canvases; editors change them; the owning organisation's
 * owners and admins, and the network's admins, manage them.
 */
@Injectable()
export class CanvasesService {
  constructor(
    private readonly canvases: CanvasesRepository,
    private readonly log: CanvasLogRepository,
    private readonly live: LiveCanvases,
    private readonly organisations: OrganisationAccessService,
    private readonly networks: NetworkAccessService,
    private readonly challenges: ChallengeAccessService,
  ) {}

  /** The canvas and the caller's role; NOT_FOUND for those with none, so nothing leaks. */
  async requireRole(userId: string, canvasId: string, needed: CanvasRole = CanvasRole.VIEWER): Promise<CanvasWithRole & { role: CanvasRole }> {
    const found = await this.canvases.withRole(canvasId, userId);
    if (!found || found.role === null) throw DomainException.notFound('The canvas');
    if (needed === CanvasRole.EDITOR && found.role !== CanvasRole.EDITOR) {
      throw found.canvas.archivedAt ? DomainException.conflict('The canvas is archived: it can be read but no longer changed.') : DomainException.forbidden('Only editors may change this canvas.');
    }
    return found as CanvasWithRole & { role: CanvasRole };
  }

  async requireManager(userId: string, canvasId: string): Promise<CanvasEntity> {
    const { canvas } = await this.requireRole(userId, canvasId);
    const manager =
      (await this.organisations.require(userId, canvas.ownerOrganisationId, MANAGERS).then(
        () => true,
        () => false,
      )) || (await this.networks.isAdmin(userId, canvas.networkId));
    if (!manager) throw DomainException.forbidden('The owning organisation’s owners and admins, and the network’s admins, manage a canvas.');
    return canvas;
  }

  async create(userId: string, input: { networkId: string; organisationId: string; challengeId?: string; title: string; template: CanvasTemplate }): Promise<CanvasWithRole> {
    const { standing } = await this.networks.requireVisible(userId, input.networkId);
    await this.organisations.require(userId, input.organisationId, ANY_MEMBER);
    if (!standing.some((s) => s.organisationId === input.organisationId)) throw DomainException.forbidden('That organisation is not a member of this network.');
    if (input.challengeId) {
      const challenge = await this.challenges.requireVisible(userId, input.challengeId);
      if (challenge.networkId !== input.networkId) throw DomainException.badInput('The challenge belongs to another network.', ['input.challengeId']);
    }
    const canvas = await this.canvases.create({ networkId: input.networkId, ownerOrganisationId: input.organisationId, challengeId: input.challengeId ?? null, title: input.title, createdById: userId });
    if (input.template !== 'EMPTY') await this.live.applyServerChange(canvas.id, userId, (doc) => applyTemplate(doc, input.template, userId));
    return (await this.canvases.withRole(canvas.id, userId))!;
  }

  async rename(userId: string, canvasId: string, title: string): Promise<CanvasWithRole> {
    await this.requireRole(userId, canvasId, CanvasRole.EDITOR);
    await this.canvases.update(canvasId, { title });
    return (await this.canvases.withRole(canvasId, userId))!;
  }

  /** Archived canvases are read-only for everyone; connected editors become viewers at the next check. */
  async archive(userId: string, canvasId: string, archived: boolean): Promise<CanvasWithRole> {
    await this.requireManager(userId, canvasId);
    await this.canvases.update(canvasId, { archivedAt: archived ? new Date() : null });
    return (await this.canvases.withRole(canvasId, userId))!;
  }

  async grant(userId: string, canvasId: string, grantee: { organisationId?: string; userId?: string }, role: CanvasRole | null) {
    if (!grantee.organisationId === !grantee.userId) throw DomainException.badInput('Name either an organisation or a user.', ['input.organisationId', 'input.userId']);
    await this.requireManager(userId, canvasId);
    if (role === null) await this.canvases.revoke(canvasId, grantee);
    else await this.canvases.grant(canvasId, grantee, role).catch((error: unknown) => {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23503') throw DomainException.notFound(grantee.organisationId ? 'The organisation' : 'The user');
      throw error;
    });
    return this.canvases.accessList(canvasId);
  }

  async accessList(userId: string, canvasId: string) {
    await this.requireRole(userId, canvasId);
    return this.canvases.accessList(canvasId);
  }

  async list(userId: string, networkId: string, options: { includeArchived: boolean; first: number; after?: { key: string; id: string } }) {
    await this.networks.requireVisible(userId, networkId);
    return this.canvases.list(networkId, userId, options);
  }

  /** The stored document, decoded. */
  async content(userId: string, canvasId: string) {
    const found = await this.requireRole(userId, canvasId);
    const { doc, seq } = await this.live.storedDoc(canvasId);
    const content = readContent(doc);
    doc.destroy();
    return { ...found, content, seq };
  }

  async createVersion(userId: string, canvasId: string, name: string) {
    await this.requireRole(userId, canvasId, CanvasRole.EDITOR);
    const { doc, seq } = await this.live.storedDoc(canvasId);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return this.log.saveVersion({ canvasId, name, seq, createdById: userId, state });
  }

  versions(userId: string, canvasId: string) {
    return this.requireRole(userId, canvasId).then(() => this.log.versions(canvasId));
  }

  /** Restores a version as a new change that every editor converges to; returns its seq. */
  async restore(userId: string, versionId: string): Promise<{ canvasId: string; seq: number | null }> {
    const version = await this.log.versionWithState(versionId);
    if (!version) throw DomainException.notFound('The version');
    await this.requireRole(userId, version.canvasId, CanvasRole.EDITOR).catch((error: unknown) => {
      if (error instanceof DomainException && error.code === 'NOT_FOUND') throw DomainException.notFound('The version');
      throw error;
    });
    const seq = await this.live.applyServerChange(version.canvasId, userId, (doc) => restoreVersion(doc, new Uint8Array(version.state), userId));
    return { canvasId: version.canvasId, seq };
  }

  /** Who changed which blocks when: compacted history, then the recent log, grouped, newest first. */
  async history(userId: string, canvasId: string, limit: number) {
    await this.requireRole(userId, canvasId);
    const [older, recent] = await Promise.all([this.log.history(canvasId), this.log.recentSummaries(canvasId)]);
    const grouped = groupHistory(byAuthor(recent));
    const entries = [
      ...older.map((h) => ({ userId: h.userId, from: h.fromAt, to: h.toAt, blocks: h.blocks, updates: h.updates, firstSeq: h.firstSeq, lastSeq: h.lastSeq })),
      ...grouped.map((g) => ({ ...g, userId: g.userId || null })),
    ];
    return entries.sort((a, b) => b.lastSeq - a.lastSeq).slice(0, limit);
  }
}
