import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { returnedRows } from '@api/platform/database/returned-rows.js';
import { queryPrepared } from '@api/platform/database/prepared.js';
import { CanvasVersionEntity } from './canvas-version.entity.js';
import { CanvasHistoryEntity } from './canvas-history.entity.js';

export interface StoredState {
  /** The latest snapshot (null before the first compaction) and the updates after it, in order. */
  snapshot: { seq: number; state: Uint8Array } | null;
  updates: { seq: number; data: Uint8Array }[];
  /** The highest seq included. */
  seq: number;
}

export interface UpdateSummary {
  seq: number;
  userId: string | null;
  blocks: string[];
  at: Date;
}

/** The durable log of a canvas: appends, snapshots, versions, and what compaction folds away. */
@Injectable()
export class CanvasLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends an update in one statement: the canvas row is locked and its counter moved, so numbers
   * are gapless across instances. Null when the canvas is gone or archived (nothing stored).
   */
  async append(canvasId: string, data: Uint8Array, userId: string | null, blocks: string[]): Promise<number | null> {
    const rows = await queryPrepared<{ seq: string }>(
      this.dataSource,
      'canvas.append',
      `WITH c AS (UPDATE canvases SET last_seq = last_seq + 1, last_activity_at = now() WHERE id = $1 AND archived_at IS NULL RETURNING last_seq)
       INSERT INTO canvas_updates (canvas_id, seq, data, user_id, blocks) SELECT $1, c.last_seq, $2, $3, $4::text[] FROM c RETURNING seq`,
      [canvasId, Buffer.from(data.buffer, data.byteOffset, data.byteLength), userId, blocks],
    );
    return rows[0] ? Number(rows[0].seq) : null;
  }

  /** Snapshot and later updates in one statement, so a concurrent compaction cannot open a hole. */
  load(canvasId: string): Promise<StoredState> {
    return readState(this.dataSource.manager, canvasId);
  }

  async lastSeqs(canvasIds: string[]): Promise<Map<string, number>> {
    const rows: { id: string; lastSeq: string }[] = await this.dataSource.query('SELECT id, last_seq AS "lastSeq" FROM canvases WHERE id = ANY($1::uuid[])', [canvasIds]);
    return new Map(rows.map((r) => [r.id, Number(r.lastSeq)]));
  }

  /**
   * Folds the updates up to `seq` into a new snapshot made by `merge`, moving their authorship into
   * `canvas_history` first. One instance at a time per canvas (a transaction-scoped advisory lock);
   * returns false when another holds it.
   */
  async compact(canvasId: string, merge: (state: StoredState, summaries: UpdateSummary[]) => { seq: number; snapshot: Uint8Array; history: Omit<CanvasHistoryEntity, 'id' | 'canvasId' | 'canvas'>[] }): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('canvas-compaction'), hashtext($1)) AS ok`, [canvasId]);
      if (!lock.ok) return false;
      const state = await readState(manager, canvasId);
      if (state.updates.length === 0) return true;
      const summaries = await readSummaries(manager, canvasId, state.seq);
      const result = merge(state, summaries);
      await manager.query('INSERT INTO canvas_snapshots (canvas_id, seq, state) VALUES ($1, $2, $3)', [canvasId, result.seq, Buffer.from(result.snapshot)]);
      if (result.history.length > 0) {
        const h = result.history;
        await manager.query(
          `INSERT INTO canvas_history (canvas_id, user_id, from_at, to_at, blocks, updates, first_seq, last_seq)
           SELECT $1, u.user_id, u.from_at, u.to_at, string_to_array(u.blocks, ','), u.updates, u.first_seq, u.last_seq
             FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::int[], $7::bigint[], $8::bigint[]) AS u(user_id, from_at, to_at, blocks, updates, first_seq, last_seq)`,
          [canvasId, h.map((e) => e.userId), h.map((e) => e.fromAt), h.map((e) => e.toAt), h.map((e) => e.blocks.join(',')), h.map((e) => e.updates), h.map((e) => e.firstSeq), h.map((e) => e.lastSeq)],
        );
      }
      await manager.query('DELETE FROM canvas_updates WHERE canvas_id = $1 AND seq <= $2', [canvasId, result.seq]);
      await manager.query('DELETE FROM canvas_snapshots WHERE canvas_id = $1 AND seq < $2', [canvasId, result.seq]);
      return true;
    });
  }

  /** Authorship of the updates not yet compacted, oldest first. */
  recentSummaries(canvasId: string): Promise<UpdateSummary[]> {
    return readSummaries(this.dataSource.manager, canvasId);
  }

  history(canvasId: string): Promise<CanvasHistoryEntity[]> {
    return this.dataSource.manager.find(CanvasHistoryEntity, { where: { canvasId }, order: { lastSeq: 'ASC' } });
  }

  async saveVersion(version: Pick<CanvasVersionEntity, 'canvasId' | 'name' | 'seq' | 'createdById'> & { state: Uint8Array }): Promise<CanvasVersionEntity> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query('INSERT INTO canvas_versions (canvas_id, name, seq, state, created_by_id) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
        version.canvasId,
        version.name,
        version.seq,
        Buffer.from(version.state),
        version.createdById,
      ]),
    );
    return this.dataSource.manager.findOneByOrFail(CanvasVersionEntity, { id: rows[0]!.id });
  }

  versions(canvasId: string): Promise<CanvasVersionEntity[]> {
    return this.dataSource.manager.find(CanvasVersionEntity, { where: { canvasId }, order: { createdAt: 'DESC' } });
  }

  async versionWithState(versionId: string): Promise<(CanvasVersionEntity & { state: Buffer }) | null> {
    return this.dataSource.manager
      .getRepository(CanvasVersionEntity)
      .createQueryBuilder('v')
      .addSelect('v.state')
      .where('v.id = :id', { id: versionId })
      .getOne() as Promise<(CanvasVersionEntity & { state: Buffer }) | null>;
  }
}

/** The latest snapshot and the updates after it, read in one statement. */
async function readState(manager: EntityManager, canvasId: string): Promise<StoredState> {
  const rows: { kind: number; seq: string; data: Buffer }[] = await manager.query(
    `WITH s AS (SELECT seq, state FROM canvas_snapshots WHERE canvas_id = $1 ORDER BY seq DESC LIMIT 1)
     SELECT 0 AS kind, seq, state AS data FROM s
     UNION ALL
     SELECT 1 AS kind, u.seq, u.data FROM canvas_updates u WHERE u.canvas_id = $1 AND u.seq > COALESCE((SELECT seq FROM s), 0)
     ORDER BY kind, seq`,
    [canvasId],
  );
  const snapshotRow = rows.find((r) => r.kind === 0);
  const updates = rows.filter((r) => r.kind === 1).map((r) => ({ seq: Number(r.seq), data: new Uint8Array(r.data) }));
  const snapshot = snapshotRow ? { seq: Number(snapshotRow.seq), state: new Uint8Array(snapshotRow.data) } : null;
  return { snapshot, updates, seq: updates.length ? updates[updates.length - 1]!.seq : (snapshot?.seq ?? 0) };
}

async function readSummaries(manager: EntityManager, canvasId: string, upToSeq = Number.MAX_SAFE_INTEGER): Promise<UpdateSummary[]> {
  const rows: { seq: string; userId: string | null; blocks: string[]; at: Date }[] = await manager.query(
    `SELECT seq, user_id AS "userId", blocks, created_at AS at FROM canvas_updates WHERE canvas_id = $1 AND seq <= $2 ORDER BY seq`,
    [canvasId, upToSeq],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** A document holding a stored state (`origin` marks the transaction, for listeners that care). */
export function applyStoredState(doc: Y.Doc, state: StoredState, origin: unknown = null): void {
  Y.transact(doc, () => {
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot.state, origin);
    for (const update of state.updates) Y.applyUpdate(doc, update.data, origin);
  });
}

export function docOfStoredState(state: StoredState): Y.Doc {
  const doc = new Y.Doc();
  applyStoredState(doc, state);
  return doc;
}
