import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CanvasRole } from '@app/contracts';
import { CanvasEntity } from './canvas.entity.js';
import { CanvasAccessEntity } from './canvas-access.entity.js';
import { canvasRoleSql } from './canvas-access.sql.js';

export interface CanvasWithRole {
  canvas: CanvasEntity;
  role: CanvasRole | null;
}

/** Canvases, their access lists, and the caller's role, read in the statement that needs it. */
@Injectable()
export class CanvasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(canvas: Pick<CanvasEntity, 'networkId' | 'ownerOrganisationId' | 'challengeId' | 'title' | 'createdById'>): Promise<CanvasEntity> {
    return this.dataSource.manager.save(CanvasEntity, canvas);
  }

  async withRole(canvasId: string, userId: string): Promise<CanvasWithRole | null> {
    const rows: { id: string; role: CanvasRole | null }[] = await this.dataSource.query(`SELECT c.id, ${canvasRoleSql('$2::uuid')} AS role FROM canvases c WHERE c.id = $1`, [canvasId, userId]);
    if (!rows[0]) return null;
    const canvas = await this.dataSource.manager.findOneByOrFail(CanvasEntity, { id: canvasId });
    return { canvas, role: rows[0].role };
  }

  /** A network's canvases the user may see, most recently active first. */
  async list(networkId: string, userId: string, options: { includeArchived: boolean; first: number; after?: { key: string; id: string } }): Promise<CanvasWithRole[]> {
    const params: unknown[] = [networkId, userId, options.first + 1];
    const where = ['c.network_id = $1', `${canvasRoleSql('$2::uuid')} IS NOT NULL`];
    if (!options.includeArchived) where.push('c.archived_at IS NULL');
    if (options.after) {
      params.push(options.after.key, options.after.id);
      where.push(`(date_trunc('milliseconds', c.last_activity_at), c.id) < ($4::timestamptz, $5::uuid)`);
    }
    const rows: { id: string; role: CanvasRole }[] = await this.dataSource.query(
      `SELECT c.id, ${canvasRoleSql('$2::uuid')} AS role FROM canvases c WHERE ${where.join(' AND ')}
        ORDER BY date_trunc('milliseconds', c.last_activity_at) DESC, c.id DESC LIMIT $3`,
      params,
    );
    if (rows.length === 0) return [];
    const canvases = await this.dataSource.manager.getRepository(CanvasEntity).findBy(rows.map((r) => ({ id: r.id })));
    const byId = new Map(canvases.map((c) => [c.id, c]));
    return rows.map((r) => ({ canvas: byId.get(r.id)!, role: r.role }));
  }

  async update(canvasId: string, fields: Partial<Pick<CanvasEntity, 'title' | 'archivedAt'>>): Promise<void> {
    await this.dataSource.manager.update(CanvasEntity, { id: canvasId }, fields);
  }

  accessList(canvasId: string): Promise<CanvasAccessEntity[]> {
    return this.dataSource.manager.find(CanvasAccessEntity, { where: { canvasId }, order: { createdAt: 'ASC' } });
  }

  /** Gives (or changes) a role, to an organisation or to a user. */
  async grant(canvasId: string, grantee: { organisationId?: string; userId?: string }, role: CanvasRole): Promise<void> {
    const column = grantee.organisationId ? 'organisation_id' : 'user_id';
    await this.dataSource.query(
      `INSERT INTO canvas_access (canvas_id, ${column}, role) VALUES ($1, $2, $3)
       ON CONFLICT (canvas_id, ${column}) WHERE ${column} IS NOT NULL DO UPDATE SET role = EXCLUDED.role`,
      [canvasId, grantee.organisationId ?? grantee.userId, role],
    );
  }

  async revoke(canvasId: string, grantee: { organisationId?: string; userId?: string }): Promise<void> {
    await this.dataSource.manager.delete(CanvasAccessEntity, grantee.organisationId ? { canvasId, organisationId: grantee.organisationId } : { canvasId, userId: grantee.userId });
  }

  /** Roles for (canvas, user) pairs, for the periodic re-check of open connections. */
  async roles(pairs: { canvasId: string; userId: string }[]): Promise<Map<string, CanvasRole | null>> {
    if (pairs.length === 0) return new Map();
    const rows: { canvasId: string; userId: string; role: CanvasRole | null }[] = await this.dataSource.query(
      `SELECT p.canvas_id AS "canvasId", p.user_id AS "userId", ${canvasRoleSql('p.user_id')} AS role
         FROM unnest($1::uuid[], $2::uuid[]) AS p(canvas_id, user_id) JOIN canvases c ON c.id = p.canvas_id`,
      [pairs.map((p) => p.canvasId), pairs.map((p) => p.userId)],
    );
    return new Map(rows.map((r) => [`${r.canvasId}:${r.userId}`, r.role]));
  }
}
