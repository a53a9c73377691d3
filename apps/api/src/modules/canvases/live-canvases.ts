import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { Socket } from 'socket.io';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { CanvasMessageType, CanvasRole, type CanvasBlock } from '@app/contracts';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { InstanceInfo } from '@api/platform/realtime/instance-info.js';
import { SendRateLimiter } from '@api/platform/realtime/send-rate-limiter.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { CanvasLogRepository, applyStoredState, docOfStoredState, type StoredState } from './canvas-log.repository.js';
import { CanvasesRepository } from './canvases.repository.js';
import { CircularityFeed } from './circularity-feed.js';
import { changedBlocks, groupHistory, inspectUpdate } from './document/index.js';

interface Connection {
  socket: Socket;
  userId: string;
  role: CanvasRole;
  /** Awareness client ids this connection speaks for; removed when it leaves. */
  awarenessClients: Set<number>;
  resyncTimer?: NodeJS.Timeout;
}

interface LiveCanvas {
  id: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** Every stored update up to this seq is in `doc`. */
  seq: number;
  /** Updates applied beyond `seq` (from this or other instances), waiting for the ones before them. */
  ahead: Set<number>;
  snapshotSeq: number;
  connections: Map<string, Connection>;
  ready: Promise<void>;
  /** Remote updates that arrived while the document was loading. */
  early: { seq: number; data: Uint8Array }[] | null;
  gapTimer?: NodeJS.Timeout;
  unloadTimer?: NodeJS.Timeout;
  compacting: boolean;
}

interface RemoteUpdate {
  canvasId: string;
  seq: number;
  data: string;
  instanceId: string;
}

interface RemoteAwareness {
  canvasId: string;
  data: string;
  instanceId: string;
}

const SWEEP_MS = 5_000;
const ROLE_CHECK_EVERY = 2;
const GAP_WAIT_MS = 300;
const UNLOAD_AFTER_MS = 30_000;
const EMPTY_UPDATE_BYTES = 2;
const MAX_DELETE_RANGE_CHECK = 10_000;
const RESYNC_AFTER_MS = 1_000;

/** Encodes one y-websocket frame: the message type, then the payload. */
function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const toBase64 = (data: Uint8Array) => Buffer.from(data).toString('base64');
const fromBase64 = (data: string) => new Uint8Array(Buffer.from(data, 'base64'));

/**
 * The canvases open on this instance: one Yjs document each, kept equal to the stored log.
 *
 * A client's update is checked (role, rate, size, well-formed), appended to PostgreSQL, and only then
 * applied here, relayed to the other connections of this instance, published to the other instances,
 * and acknowledged with its seq. So whatever any client saw relayed or acknowledged is stored, and a
 * hub killed at any moment restarts into exactly the stored state. Yjs updates commute and are
 * idempotent, so relays need no ordering; completeness is tracked by seq per document: a hole (a
 * publish lost while Redis restarted) is filled from the database, and a periodic sweep compares each
 * document with the stored counter.
 */
@Injectable()
export class LiveCanvases implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveCanvases');
  private readonly canvases = new Map<string, LiveCanvas>();
  private readonly limiter: SendRateLimiter;
  private subscriptions: number[] = [];
  private sweepTimer?: NodeJS.Timeout;
  private sweeps = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly instance: InstanceInfo,
    private readonly log: CanvasLogRepository,
    private readonly canvasesRepository: CanvasesRepository,
    private readonly circularity: CircularityFeed,
  ) {
    this.limiter = new SendRateLimiter(config.canvas.updatesPerSecond, config.canvas.updatesPerSecond * 2);
  }

  async onModuleInit(): Promise<void> {
    this.subscriptions = [
      await this.pubSub.subscribe(Topics.canvasUpdates, (message: RemoteUpdate) => this.receiveUpdate(message), {}),
      await this.pubSub.subscribe(Topics.canvasAwareness, (message: RemoteAwareness) => this.receiveAwareness(message), {}),
    ];
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweepTimer);
    for (const id of this.subscriptions) this.pubSub.unsubscribe(id);
    for (const live of this.canvases.values()) this.unload(live);
  }

  /** Adds a connection to a canvas and starts the sync: the server's step 1, then who is there. */
  async open(socket: Socket, userId: string, canvasId: string, role: CanvasRole): Promise<number> {
    const live = this.live(canvasId);
    await live.ready;
    clearTimeout(live.unloadTimer);
    live.connections.set(socket.id, { socket, userId, role, awarenessClients: new Set() });
    this.send(socket, canvasId, frame(CanvasMessageType.SYNC, (e) => syncProtocol.writeSyncStep1(e, live.doc)));
    const states = [...live.awareness.getStates().keys()];
    if (states.length > 0) {
      this.send(socket, canvasId, frame(CanvasMessageType.AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(live.awareness, states))));
    }
    return live.seq;
  }

  close(socket: Socket, canvasId: string): void {
    const live = this.canvases.get(canvasId);
    const connection = live?.connections.get(socket.id);
    if (!live || !connection) return;
    live.connections.delete(socket.id);
    clearTimeout(connection.resyncTimer);
    if (connection.awarenessClients.size > 0) awarenessProtocol.removeAwarenessStates(live.awareness, [...connection.awarenessClients], 'leave');
    if (live.connections.size === 0) {
      clearTimeout(live.unloadTimer);
      live.unloadTimer = setTimeout(() => {
        if (live.connections.size === 0) this.unload(live);
      }, UNLOAD_AFTER_MS);
      live.unloadTimer.unref();
    }
  }

  /** One y-protocols message from a client. Resolves with the seq of the update it stored, if any. */
  async handle(socket: Socket, canvasId: string, data: Uint8Array): Promise<number | null> {
    const live = this.canvases.get(canvasId);
    const connection = live?.connections.get(socket.id);
    if (!live || !connection) throw DomainException.badInput('Open the canvas before sending to it.', ['canvasId']);
    if (data.byteLength > this.config.canvas.maxUpdateBytes) throw DomainException.badInput(`Messages are at most ${this.config.canvas.maxUpdateBytes} bytes.`, ['data']);
    let type: number, sub: number | undefined, payload: Uint8Array;
    try {
      const decoder = decoding.createDecoder(data);
      type = decoding.readVarUint(decoder);
      if (type === CanvasMessageType.SYNC) sub = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch {
      throw DomainException.badInput('The message is not a y-protocols message.', ['data']);
    }
    if (type === CanvasMessageType.AWARENESS) {
      this.applyAwareness(live, connection, payload);
      return null;
    }
    if (type !== CanvasMessageType.SYNC) throw DomainException.badInput(`Unknown message type ${type}.`, ['data']);
    if (sub === syncProtocol.messageYjsSyncStep1) {
      // The client's state vector: answer with what it lacks.
      let reply: Uint8Array;
      try {
        reply = frame(CanvasMessageType.SYNC, (e) => syncProtocol.writeSyncStep2(e, live.doc, payload));
      } catch {
        throw DomainException.badInput('The state vector is malformed.', ['data']);
      }
      this.send(socket, canvasId, reply);
      return null;
    }
    if (sub !== syncProtocol.messageYjsSyncStep2 && sub !== syncProtocol.messageYjsUpdate) throw DomainException.badInput(`Unknown sync message ${sub}.`, ['data']);
    try {
      return await this.applyClientUpdate(live, connection, payload, sub === syncProtocol.messageYjsSyncStep2);
    } catch (error) {
      // A client following y-protocols never resends a refused update, and Yjs holds back every later
      // update of that client until it has the earlier one: unless the refusal was for the update
      // itself (malformed, or a viewer's), ask the client to sync again so it sends what we lack.
      const code = error instanceof DomainException ? error.code : null;
      if (code !== 'BAD_USER_INPUT' && code !== 'FORBIDDEN') this.requestResync(live, connection);
      throw error;
    }
  }

  /** Sends the connection our sync step 1 (once a second at most); its step 2 brings what we lack. */
  private requestResync(live: LiveCanvas, connection: Connection): void {
    if (connection.resyncTimer) return;
    connection.resyncTimer = setTimeout(() => {
      connection.resyncTimer = undefined;
      if (live.connections.get(connection.socket.id) !== connection) return;
      this.send(connection.socket, live.id, frame(CanvasMessageType.SYNC, (e) => syncProtocol.writeSyncStep1(e, live.doc)));
    }, RESYNC_AFTER_MS);
    connection.resyncTimer.unref();
  }

  /**
   * A change made by the hub itself (a restored version): computed on a copy of the stored document,
   * then stored and relayed like a client's.
   */
  async applyServerChange(canvasId: string, userId: string | null, change: (doc: Y.Doc) => void): Promise<number | null> {
    const scratch = docOfStoredState(await this.log.load(canvasId));
    const captured: Uint8Array[] = [];
    scratch.on('update', (update: Uint8Array) => captured.push(update));
    change(scratch);
    scratch.destroy();
    if (captured.length === 0) return null;
    const update = Y.mergeUpdates(captured);
    const live = this.canvases.get(canvasId);
    if (live) await live.ready;
    return this.store(canvasId, live, update, userId, null);
  }

  /** The stored document, from the database (not from memory, so every instance answers the same). */
  async storedDoc(canvasId: string): Promise<{ doc: Y.Doc; seq: number }> {
    const state = await this.log.load(canvasId);
    return { doc: docOfStoredState(state), seq: state.seq };
  }

  /** Ends a connection's part in a canvas from the server side. */
  kick(canvasId: string, socket: Socket, reason: 'ACCESS_REVOKED' | 'ARCHIVED'): void {
    socket.emit('canvas:closed', { canvasId, reason });
    this.close(socket, canvasId);
  }

  private live(canvasId: string): LiveCanvas {
    let live = this.canvases.get(canvasId);
    if (live) return live;
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(null);
    live = { id: canvasId, doc, awareness, seq: 0, ahead: new Set(), snapshotSeq: 0, connections: new Map(), ready: Promise.resolve(), early: [], compacting: false };
    const created = live;
    awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => this.onAwareness(created, added, updated, removed, origin));
    live.ready = this.log.load(canvasId).then(
      (state) => {
        this.applyStored(created, state);
        created.snapshotSeq = state.snapshot?.seq ?? 0;
        for (const update of created.early ?? []) this.applyRemote(created, update.seq, update.data);
        created.early = null;
      },
      (error: unknown) => {
        this.canvases.delete(canvasId);
        throw error;
      },
    );
    this.canvases.set(canvasId, live);
    return live;
  }

  private applyStored(live: LiveCanvas, state: StoredState): void {
    applyStoredState(live.doc, state, 'stored');
    live.seq = Math.max(live.seq, state.seq);
    for (const seq of live.ahead) if (seq <= live.seq) live.ahead.delete(seq);
  }

  private async applyClientUpdate(live: LiveCanvas, connection: Connection, update: Uint8Array, isSyncReply: boolean): Promise<number | null> {
    const inspected = inspectUpdate(update, { maxBytes: this.config.canvas.maxUpdateBytes });
    if (!inspected.ok) throw DomainException.badInput(inspected.reason === 'TOO_LARGE' ? 'The update is too large.' : 'The update is malformed.', ['data']);
    let novel = update;
    if (isSyncReply) {
      // A sync reply repeats whatever the client has; store only what the document lacks.
      novel = Y.diffUpdate(update, Y.encodeStateVector(live.doc));
      if (!addsSomething(live.doc, novel)) return null;
    } else if (update.byteLength <= EMPTY_UPDATE_BYTES) {
      return null;
    }
    if (connection.role !== CanvasRole.EDITOR) throw DomainException.forbidden('Viewers cannot change the canvas.');
    if (!this.limiter.take(connection.socket.id)) throw DomainException.rateLimited('Too many canvas updates; slow down.');
    return this.store(live.id, live, novel, connection.userId, connection.socket);
  }

  /** Append, then apply, relay, publish; the order is the durability promise. */
  private async store(canvasId: string, live: LiveCanvas | undefined, update: Uint8Array, userId: string | null, origin: Socket | null): Promise<number> {
    const blocks = live ? changedBlocks(live.doc, update) : [];
    const seq = await this.log.append(canvasId, update, userId, blocks);
    if (seq === null) throw DomainException.conflict('The canvas is archived: it can be read but no longer changed.');
    if (live) {
      Y.applyUpdate(live.doc, update, 'stored');
      this.advance(live, seq);
      this.relay(live, update, origin);
      this.maybeCompact(live, seq);
    }
    void this.pubSub.publish(Topics.canvasUpdates, { canvasId, seq, data: toBase64(update), instanceId: this.instance.id } satisfies RemoteUpdate).catch((error: unknown) => {
      this.logger.warn({ err: error, canvasId }, 'canvas update not published; other instances will read it from the database');
    });
    this.circularity.changed(canvasId, live?.doc);
    return seq;
  }

  private receiveUpdate(message: RemoteUpdate): void {
    if (message.instanceId === this.instance.id) return;
    const live = this.canvases.get(message.canvasId);
    if (!live) return;
    const data = fromBase64(message.data);
    if (live.early) {
      live.early.push({ seq: message.seq, data });
      return;
    }
    this.applyRemote(live, message.seq, data);
  }

  private applyRemote(live: LiveCanvas, seq: number, data: Uint8Array): void {
    if (seq <= live.seq || live.ahead.has(seq)) return;
    Y.applyUpdate(live.doc, data, 'stored');
    this.advance(live, seq);
    this.relay(live, data, null);
  }

  /** Moves the contiguous position; a hole left open too long is filled from the database. */
  private advance(live: LiveCanvas, seq: number): void {
    if (seq === live.seq + 1) {
      live.seq = seq;
      while (live.ahead.delete(live.seq + 1)) live.seq += 1;
    } else if (seq > live.seq) {
      live.ahead.add(seq);
    }
    if (live.ahead.size === 0) {
      clearTimeout(live.gapTimer);
      live.gapTimer = undefined;
    } else if (!live.gapTimer) {
      live.gapTimer = setTimeout(() => void this.fill(live), GAP_WAIT_MS);
    }
  }

  /** Brings the document up to the stored log and sends the connections what they were missing. */
  private async fill(live: LiveCanvas): Promise<void> {
    live.gapTimer = undefined;
    try {
      const before = Y.encodeStateVector(live.doc);
      this.applyStored(live, await this.log.load(live.id));
      live.ahead.clear();
      const missing = Y.encodeStateAsUpdate(live.doc, before);
      if (missing.byteLength > EMPTY_UPDATE_BYTES) this.relay(live, missing, null);
    } catch (error) {
      this.logger.warn({ err: error, canvasId: live.id }, 'canvas catch-up failed; retrying');
      live.gapTimer = setTimeout(() => void this.fill(live), 1_000);
    }
  }

  /** One local broadcast to the canvas's other connections: the frame is encoded once, not per editor. */
  private relay(live: LiveCanvas, update: Uint8Array, origin: Socket | null): void {
    const targets: string[] = [];
    let namespace: Socket['nsp'] | undefined;
    for (const connection of live.connections.values()) {
      if (connection.socket === origin) continue;
      targets.push(connection.socket.id);
      namespace = connection.socket.nsp;
    }
    if (!namespace) return;
    const data = frame(CanvasMessageType.SYNC, (e) => syncProtocol.writeUpdate(e, update));
    namespace.local.to(targets).emit('canvas:message', { canvasId: live.id, data });
  }

  private send(socket: Socket, canvasId: string, data: Uint8Array): void {
    socket.emit('canvas:message', { canvasId, data });
  }

  private applyAwareness(live: LiveCanvas, connection: Connection, update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(live.awareness, update, connection);
    } catch {
      throw DomainException.badInput('The awareness update is malformed.', ['data']);
    }
  }

  /** Relays awareness changes to this instance's other connections and to the other instances. */
  private onAwareness(live: LiveCanvas, added: number[], updated: number[], removed: number[], origin: unknown): void {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const connection = origin && typeof origin === 'object' && 'awarenessClients' in origin ? (origin as Connection) : null;
    if (connection) {
      for (const id of [...added, ...updated]) connection.awarenessClients.add(id);
      for (const id of removed) connection.awarenessClients.delete(id);
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(live.awareness, changed);
    const message = frame(CanvasMessageType.AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
    for (const other of live.connections.values()) if (other !== connection) this.send(other.socket, live.id, message);
    if (origin !== 'remote') {
      void this.pubSub.publish(Topics.canvasAwareness, { canvasId: live.id, data: toBase64(update), instanceId: this.instance.id } satisfies RemoteAwareness).catch(() => undefined);
    }
  }

  private receiveAwareness(message: RemoteAwareness): void {
    if (message.instanceId === this.instance.id) return;
    const live = this.canvases.get(message.canvasId);
    if (!live || live.early) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(live.awareness, fromBase64(message.data), 'remote');
    } catch (error) {
      this.logger.warn({ err: error }, 'remote awareness update dropped');
    }
  }

  /** Folds the log into a snapshot in the background once it has grown; any instance may, one at a time. */
  private maybeCompact(live: LiveCanvas, seq: number): void {
    if (live.compacting || seq - live.snapshotSeq < this.config.canvas.compactAfter) return;
    live.compacting = true;
    void this.log
      .compact(live.id, (state, summaries) => {
        const doc = docOfStoredState(state);
        const snapshot = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        const history = groupHistory(byAuthor(summaries)).map((g) => ({
          userId: g.userId || null,
          fromAt: g.from,
          toAt: g.to,
          blocks: g.blocks,
          updates: g.updates,
          firstSeq: g.firstSeq,
          lastSeq: g.lastSeq,
        }));
        return { seq: state.seq, snapshot, history };
      })
      .then(async () => {
        const stored = await this.log.load(live.id);
        live.snapshotSeq = stored.snapshot?.seq ?? live.snapshotSeq;
      })
      .catch((error: unknown) => this.logger.warn({ err: error, canvasId: live.id }, 'canvas compaction failed; the log stays as it is'))
      .finally(() => {
        live.compacting = false;
      });
  }

  /** Compares open documents with the stored counters; every other sweep, re-checks each connection's role. */
  private async sweep(): Promise<void> {
    if (this.canvases.size === 0) return;
    try {
      // Only the canvases asked about are judged: one opened while the query ran is not missing.
      const asked = [...this.canvases.keys()];
      const counters = await this.log.lastSeqs(asked);
      for (const id of asked) {
        const live = this.canvases.get(id);
        if (!live || live.early) continue;
        const stored = counters.get(live.id);
        if (stored === undefined) {
          for (const connection of [...live.connections.values()]) this.kick(live.id, connection.socket, 'ARCHIVED');
        } else if (stored > live.seq && !live.gapTimer) {
          await this.fill(live);
        }
      }
      if (++this.sweeps % ROLE_CHECK_EVERY === 0) await this.recheckRoles();
    } catch (error) {
      this.logger.warn({ err: error }, 'canvas sweep failed');
    }
  }

  private async recheckRoles(): Promise<void> {
    const pairs: { canvasId: string; userId: string }[] = [];
    for (const live of this.canvases.values()) for (const c of live.connections.values()) pairs.push({ canvasId: live.id, userId: c.userId });
    const roles = await this.canvasesRepository.roles(pairs);
    const asked = new Set(pairs.map((p) => `${p.canvasId}:${p.userId}`));
    for (const live of this.canvases.values()) {
      for (const connection of [...live.connections.values()]) {
        // A connection opened while the query ran was not asked about; its role was checked at open.
        if (!asked.has(`${live.id}:${connection.userId}`)) continue;
        const role = roles.get(`${live.id}:${connection.userId}`) ?? null;
        if (role === null) this.kick(live.id, connection.socket, 'ACCESS_REVOKED');
        else if (role !== connection.role) {
          connection.role = role;
          connection.socket.emit('canvas:role', { canvasId: live.id, role });
        }
      }
    }
  }

  private unload(live: LiveCanvas): void {
    clearTimeout(live.gapTimer);
    clearTimeout(live.unloadTimer);
    live.awareness.destroy();
    live.doc.destroy();
    this.canvases.delete(live.id);
  }
}

/**
 * Summaries ordered by author, then seq: grouped this way, a history row covers one person's changes
 * within the window even when several people typed in turns (one row per update otherwise).
 */
export function byAuthor(summaries: { seq: number; userId: string | null; blocks: string[]; at: Date }[]) {
  return summaries
    .map((s) => ({ seq: s.seq, userId: s.userId ?? '', at: new Date(s.at), blocks: s.blocks as CanvasBlock[] }))
    .sort((a, b) => a.userId.localeCompare(b.userId) || a.seq - b.seq);
}

/** Whether an update (already reduced to what the document lacks) adds structs or deletes anything new. */
function addsSomething(doc: Y.Doc, update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(update);
  if (decoded.structs.length > 0) return true;
  const known = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, items] of decoded.ds.clients) {
    for (const item of items) {
      // Checking a huge range clock by clock would let one message stall the instance: store it instead.
      if (item.len > MAX_DELETE_RANGE_CHECK) return true;
      for (let clock = item.clock; clock < item.clock + item.len; clock += 1) {
        if (!Y.isDeleted(known, { client, clock } as Y.ID)) return true;
      }
    }
  }
  return false;
}
