/**
 * Reads what the hub stored for the cocreate canvases straight from PostgreSQL, without the hub:
 * the latest snapshot of each canvas and the updates after it (`canvas_snapshots`, `canvas_updates`,
 * as its canvas log reads them), and how many bytes that takes.
 */
import pg from 'pg';
import * as Y from 'yjs';

export interface StoredDocument {
  /** Yjs client id → clock: what a document built from the stored rows contains, contiguously. */
  vector: Map<number, number>;
  /** Clock ranges stored but not integrable (an earlier range of the same client is missing), per client. */
  pending: Map<number, Array<[number, number]>>;
  snapshotSeq: number;
  updateRows: number;
  content: Y.Doc;
}

/** Builds each canvas' document from its latest snapshot and the updates after it, in one statement per canvas. */
export async function storedDocuments(databaseUrl: string, canvasIds: string[]): Promise<Map<string, StoredDocument>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const documents = new Map<string, StoredDocument>();
  try {
    for (const canvasId of canvasIds) {
      const rows = await client.query<{ kind: number; seq: string; data: Buffer }>(
        `WITH s AS (SELECT seq, state FROM canvas_snapshots WHERE canvas_id = $1 ORDER BY seq DESC LIMIT 1)
         SELECT 0 AS kind, seq, state AS data FROM s
         UNION ALL
         SELECT 1 AS kind, u.seq, u.data FROM canvas_updates u WHERE u.canvas_id = $1 AND u.seq > COALESCE((SELECT seq FROM s), 0)
         ORDER BY kind, seq`,
        [canvasId],
      );
      const doc = new Y.Doc();
      Y.transact(doc, () => {
        for (const row of rows.rows) Y.applyUpdate(doc, new Uint8Array(row.data));
      });
      const pending = new Map<number, Array<[number, number]>>();
      const waiting = doc.store.pendingStructs;
      if (waiting) {
        // Yjs keeps pending structs in its v2 encoding, whatever the updates came in.
        for (const struct of Y.decodeUpdateV2(waiting.update).structs) {
          if (struct instanceof Y.Skip) continue;
          const ranges = pending.get(struct.id.client) ?? [];
          ranges.push([struct.id.clock, struct.id.clock + struct.length]);
          pending.set(struct.id.client, ranges);
        }
      }
      const snapshot = rows.rows.find((row) => row.kind === 0);
      documents.set(canvasId, {
        vector: Y.decodeStateVector(Y.encodeStateVector(doc)),
        pending,
        snapshotSeq: snapshot ? Number(snapshot.seq) : 0,
        updateRows: rows.rows.filter((row) => row.kind === 1).length,
        content: doc,
      });
    }
  } finally {
    await client.end();
  }
  return documents;
}

/** Whether the stored document holds the clock range [start, end) of `client`, integrated or pending. */
export function storedCovers(document: StoredDocument, client: number, start: number, end: number): boolean {
  if ((document.vector.get(client) ?? 0) >= end) return true;
  let from = Math.max(start, document.vector.get(client) ?? 0);
  const ranges = [...(document.pending.get(client) ?? [])].sort((a, b) => a[0] - b[0]);
  for (const [rangeStart, rangeEnd] of ranges) {
    if (rangeStart > from) break;
    from = Math.max(from, rangeEnd);
    if (from >= end) return true;
  }
  return from >= end;
}

export interface StorageFigures {
  /** Updates the hub stored (the canvases' sequence counters, summed). */
  storedUpdates: number;
  updateRows: number;
  updateBytes: number;
  snapshotRows: number;
  snapshotBytes: number;
  historyRows: number;
  /** What compaction keeps of the folded updates' authorship (`canvas_history`), as pg_column_size of its rows. */
  historyBytes: number;
  /** pg_total_relation_size (heap, TOAST, indexes, free space not yet reused). */
  relationBytes: { canvasUpdates: number; canvasSnapshots: number; canvasHistory: number };
}

export async function storageFigures(databaseUrl: string, canvasIds: string[]): Promise<StorageFigures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT (SELECT COALESCE(sum(last_seq), 0) FROM canvases WHERE id = ANY($1::uuid[])) AS stored_updates,
              (SELECT count(*) FROM canvas_updates WHERE canvas_id = ANY($1::uuid[])) AS update_rows,
              (SELECT COALESCE(sum(octet_length(data)), 0) FROM canvas_updates WHERE canvas_id = ANY($1::uuid[])) AS update_bytes,
              (SELECT count(*) FROM canvas_snapshots WHERE canvas_id = ANY($1::uuid[])) AS snapshot_rows,
              (SELECT COALESCE(sum(octet_length(state)), 0) FROM canvas_snapshots WHERE canvas_id = ANY($1::uuid[])) AS snapshot_bytes,
              (SELECT count(*) FROM canvas_history WHERE canvas_id = ANY($1::uuid[])) AS history_rows,
              (SELECT COALESCE(sum(pg_column_size(h.*)), 0) FROM canvas_history h WHERE h.canvas_id = ANY($1::uuid[])) AS history_bytes,
              pg_total_relation_size('canvas_updates') AS updates_relation,
              pg_total_relation_size('canvas_snapshots') AS snapshots_relation,
              pg_total_relation_size('canvas_history') AS history_relation`,
      [canvasIds],
    );
    const row = rows[0]!;
    return {
      storedUpdates: Number(row.stored_updates),
      updateRows: Number(row.update_rows),
      updateBytes: Number(row.update_bytes),
      snapshotRows: Number(row.snapshot_rows),
      snapshotBytes: Number(row.snapshot_bytes),
      historyRows: Number(row.history_rows),
      historyBytes: Number(row.history_bytes),
      relationBytes: { canvasUpdates: Number(row.updates_relation), canvasSnapshots: Number(row.snapshots_relation), canvasHistory: Number(row.history_relation) },
    };
  } finally {
    await client.end();
  }
}

/**
 * Waits until no compaction is running: the snapshots stop changing over `quietMs`. The hub
 * compacts in the background after an update pushes a canvas' log past CANVAS_COMPACT_AFTER; once
 * the clients stop, the last of those finish and nothing starts another.
 */
export async function awaitCompaction(databaseUrl: string, canvasIds: string[], quietMs: number, timeoutMs: number): Promise<{ waitedMs: number; settled: boolean }> {
  const started = Date.now();
  const signature = async (): Promise<string> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ signature: string }>(
        `SELECT string_agg(canvas_id || ':' || seq, ',' ORDER BY canvas_id, seq) AS signature FROM canvas_snapshots WHERE canvas_id = ANY($1::uuid[])`,
        [canvasIds],
      );
      return rows[0]?.signature ?? '';
    } finally {
      await client.end();
    }
  };
  let last = await signature();
  while (Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const next = await signature();
    if (next === last) return { waitedMs: Date.now() - started, settled: true };
    last = next;
  }
  return { waitedMs: Date.now() - started, settled: false };
}

/** The PostgreSQL backends connected to `database`, other than the asking connection: the hub's pool. */
export async function backendPids(client: pg.Client, database: string): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`, [database]);
  return rows.map((row) => row.pid);
}
