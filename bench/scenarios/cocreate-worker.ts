/**
 * A client process of the cocreate scenario: it holds every editor of some canvases (all editors of
 * a canvas live in the same process, so an edit and its arrival at the other editors are timed on one
 * clock), connects them to one target, types on command and reports what it measured.
 *
 * Started by the runner with `fork` (IPC, advanced serialisation); it exits when the runner goes.
 *
 * Latency is tracked by Yjs id, not by a timestamp in the text: an edit is one transaction that
 * gives its editor's client id the clock range [start, end); the edit counts as applied by another
 * editor when a transaction on that editor's document moves its state for that client id to `end`
 * or beyond (Yjs only integrates contiguous ranges, so this is the moment the text shows it). This
 * adds nothing to the document and needs no parsing, and it also sees edits that arrive merged into
 * a sync step 2 after a reconnect.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  cardTexts,
  createCards,
  documentContent,
  insertText,
  percentiles,
  random,
  type AckMarks,
  type CanvasSpec,
  type CanvasVerification,
  type EditFigures,
  type TargetKind,
  type WorkerCommand,
  type WorkerReply,
  type Workload,
} from './cocreate-workload.js';

/** Transaction origin of this process' own edits; anything else was applied from the network. */
const LOCAL = Symbol('local edit');
/** Transaction origin of updates the hub client applies from the network. */
const REMOTE = Symbol('remote update');
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const ACK_TIMEOUT_MS = 30_000;
const LOOP_RESOLUTION_MS = 10;

const reply = (message: WorkerReply): void => {
  process.send?.(message);
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
  return performance.now() - started;
}

/** Counters a phase resets and reports. */
class Stats {
  sent = { updates: 0, syncSteps: 0, awareness: 0 };
  acksOk = 0;
  /** Acks that named a seq: the hub stored an update. */
  acksStored = 0;
  refused: Record<string, number> = {};
  timedOut = 0;
  updateAckMs: number[] = [];
  editsWhileDisconnected = 0;
  disconnects = 0;

  reset(): void {
    this.sent = { updates: 0, syncSteps: 0, awareness: 0 };
    this.acksOk = 0;
    this.acksStored = 0;
    this.refused = {};
    this.timedOut = 0;
    this.updateAckMs = [];
    this.editsWhileDisconnected = 0;
    this.disconnects = 0;
  }
}

/** What connects one editor's document to a target. */
interface Connection {
  /** Connected, the canvas open and the server's state received: local edits go out as they happen. */
  readonly ready: boolean;
  close(): void;
}

interface PendingEdit {
  start: number;
  end: number;
  madeAt: number;
  record: boolean;
  /** Other editors that have not applied it yet. */
  remaining: number;
}

/** Edits of one canvas not yet applied everywhere, per sender client id, in clock order. */
class CanvasTracker {
  readonly pending = new Map<number, PendingEdit[]>();
  /** Every edit's end clock per sender, for the final check of missing edits. */
  readonly ends = new Map<number, number[]>();

  constructor(
    readonly spec: CanvasSpec,
    private readonly latencies: { values: number[] },
  ) {}

  made(client: number, start: number, end: number, madeAt: number, record: boolean, receivers: number): void {
    let list = this.pending.get(client);
    if (!list) this.pending.set(client, (list = []));
    list.push({ start, end, madeAt, record, remaining: receivers });
    let ends = this.ends.get(client);
    if (!ends) this.ends.set(client, (ends = []));
    ends.push(end);
  }

  /** Another editor's state for `client` moved from `before` to `after`: every edit ending in (before, after] arrived. */
  applied(client: number, before: number, after: number, now: number): void {
    const list = this.pending.get(client);
    if (!list?.length) return;
    // Edits are in clock order: skip to the first one this receiver has not seen yet.
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]!.end <= before) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < list.length && list[i]!.end <= after; i += 1) {
      const edit = list[i]!;
      edit.remaining -= 1;
      if (edit.record) this.latencies.values.push(now - edit.madeAt);
    }
    let done = 0;
    while (done < list.length && list[done]!.remaining <= 0) done += 1;
    if (done) list.splice(0, done);
  }

  undelivered(): number {
    let total = 0;
    for (const list of this.pending.values()) for (const edit of list) total += edit.remaining;
    return total;
  }
}

class Editor {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  connection!: Connection;
  texts: Y.Text[] | null = null;
  /** Acknowledged clock ranges of this editor's own edits (hub only), merged. */
  readonly acked: Array<[number, number]> = [];
  unacknowledged = 0;
  private readonly next: () => number;

  constructor(
    readonly canvas: CanvasTracker,
    readonly index: number,
    readonly token: string,
    readonly userId: string,
    seed: number,
    private readonly workload: Workload,
  ) {
    this.next = random(seed);
    this.awareness.setLocalState({ user: { id: userId, name: `Editor ${index + 1}` } });
    // Arrivals: every transaction that did not come from this editor's own typing.
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL) return;
      const now = performance.now();
      for (const [client, after] of transaction.afterState) {
        if (client === this.doc.clientID) continue;
        const before = transaction.beforeState.get(client) ?? 0;
        if (after > before) this.canvas.applied(client, before, after, now);
      }
    });
  }

  get ownClock(): number {
    return Y.getState(this.doc.store, this.doc.clientID);
  }

  /** One insert of a few characters at a random place in a random card. */
  edit(record: boolean, stats: Stats): void {
    const texts = this.texts!;
    const text = texts[Math.floor(this.next() * texts.length)]!;
    const [min, max] = this.workload.insertChars;
    const length = min + Math.floor(this.next() * (max - min + 1));
    const position = Math.floor(this.next() * (text.length + 1));
    const content = insertText(this.next, length);
    if (!this.connection.ready) stats.editsWhileDisconnected += 1;
    const start = this.ownClock;
    const madeAt = performance.now();
    this.doc.transact(() => text.insert(position, content), LOCAL);
    this.canvas.made(this.doc.clientID, start, this.ownClock, madeAt, record, this.canvas.spec.editors.length - 1);
  }

  markAcked(start: number, end: number): void {
    if (end <= start) return;
    // Acks may come out of order (the hub stores a socket's messages concurrently): keep the ranges
    // sorted and merge every range the new one touches.
    let index = 0;
    while (index < this.acked.length && this.acked[index]![1] < start) index += 1;
    let merged: [number, number] = [start, end];
    let count = 0;
    while (index + count < this.acked.length && this.acked[index + count]![0] <= end) {
      const range = this.acked[index + count]!;
      merged = [Math.min(merged[0], range[0]), Math.max(merged[1], range[1])];
      count += 1;
    }
    this.acked.splice(index, count, merged);
  }
}

type Ack = { ok: true; data?: { seq?: number | null } } | { ok: false; error?: { code?: string } };

/**
 * The hub's `/canvas` namespace, as the protocol describes a normal client: open the canvas, send
 * sync step 1, answer the server's step 1 with step 2, then one update message per local
 * transaction. While the canvas is not open, local edits are not sent: the step 2 after the next
 * open carries them (as y-websocket does).
 */
class HubConnection implements Connection {
  private readonly socket: Socket;
  private open = false;
  private synced = false;

  constructor(
    private readonly editor: Editor,
    url: string,
    origin: string,
    private readonly canvasId: string,
    private readonly stats: Stats,
    private readonly onProblem: (problem: string) => void,
  ) {
    this.socket = io(`${url}/canvas`, {
      // One connection per editor, as one browser tab each; without forceNew socket.io shares one per URL.
      forceNew: true,
      transports: ['websocket'],
      auth: { token: editor.token },
      extraHeaders: { origin },
      reconnectionDelay: 250,
      reconnectionDelayMax: 1000,
    });
    this.socket.on('connect', () => void this.openCanvas());
    this.socket.on('disconnect', () => {
      this.open = false;
      this.synced = false;
      this.stats.disconnects += 1;
    });
    this.socket.on('canvas:message', (payload: { canvasId: string; data: Uint8Array | ArrayBuffer }) => this.receive(payload));
    this.socket.on('canvas:closed', (payload: { canvasId: string; reason: string }) => {
      if (payload.canvasId !== this.canvasId) return;
      // The server no longer takes this socket's messages for the canvas; an application would tell its user.
      this.open = false;
      this.synced = false;
      this.onProblem(`canvas:closed (${payload.reason})`);
    });
    editor.doc.on('update', (update: Uint8Array, transactionOrigin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (transactionOrigin === REMOTE || !this.open) return;
      const client = editor.doc.clientID;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder), 'update', [transaction.beforeState.get(client) ?? 0, transaction.afterState.get(client) ?? 0]);
    });
    editor.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      // Like y-websocket and the Hocuspocus provider: every change is sent, whoever made it.
      if (!this.open) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(editor.awareness, [...added, ...updated, ...removed]));
      this.send(encoding.toUint8Array(encoder), 'awareness', null);
    });
  }

  get ready(): boolean {
    return this.open && this.synced;
  }

  close(): void {
    this.socket.disconnect();
  }

  private async openCanvas(): Promise<void> {
    let ack: Ack;
    try {
      ack = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('canvas:open', { canvasId: this.canvasId })) as Ack;
    } catch (error) {
      this.onProblem(`canvas:open: ${error instanceof Error ? error.message : String(error)}`);
      ack = { ok: false, error: { code: 'NO_ANSWER' } };
    }
    if (!ack.ok) {
      const code = ack.error?.code ?? 'no code';
      this.onProblem(`canvas:open refused: ${code}`);
      // As an application would: try again while connected; a refusal for lack of access is final.
      if (code !== 'FORBIDDEN' && code !== 'NOT_FOUND' && code !== 'UNAUTHENTICATED') {
        setTimeout(() => {
          if (this.socket.connected && !this.open) void this.openCanvas();
        }, 1000);
      }
      return;
    }
    this.open = true;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.editor.doc);
    this.send(encoding.toUint8Array(encoder), 'sync', null);
    const awareness = encoding.createEncoder();
    encoding.writeVarUint(awareness, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(awareness, awarenessProtocol.encodeAwarenessUpdate(this.editor.awareness, [this.editor.doc.clientID]));
    this.send(encoding.toUint8Array(awareness), 'awareness', null);
  }

  private receive(payload: { canvasId: string; data: Uint8Array | ArrayBuffer }): void {
    if (payload.canvasId !== this.canvasId) return;
    const data = payload.data instanceof Uint8Array ? payload.data : new Uint8Array(payload.data);
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.editor.doc, REMOTE);
      // Our step 2 carries whatever the server lacks of ours, up to our clock now.
      if (syncType === syncProtocol.messageYjsSyncStep1) this.send(encoding.toUint8Array(encoder), 'sync', [0, this.editor.ownClock]);
      else if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true;
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.editor.awareness, decoding.readVarUint8Array(decoder), REMOTE);
    }
  }

  /**
   * Sends one message and counts its ack. An acknowledged update stores the editor's own clock range
   * it carried; an acknowledged sync step 2 stores everything of the editor's up to its clock then.
   */
  private send(data: Uint8Array, kind: 'update' | 'sync' | 'awareness', range: [number, number] | null): void {
    const editor = this.editor;
    if (kind === 'update') this.stats.sent.updates += 1;
    else if (kind === 'sync') this.stats.sent.syncSteps += 1;
    else this.stats.sent.awareness += 1;
    const sentAt = performance.now();
    if (range) editor.unacknowledged += 1;
    this.socket.timeout(ACK_TIMEOUT_MS).emit('canvas:message', { canvasId: this.canvasId, data }, (error: Error | null, ack: Ack) => {
      if (range) editor.unacknowledged -= 1;
      if (error) {
        this.stats.timedOut += 1;
        return;
      }
      if (!ack.ok) {
        const code = ack.error?.code ?? 'NO_CODE';
        if (!this.stats.refused[code]) this.onProblem(`${kind} message refused: ${code}`);
        this.stats.refused[code] = (this.stats.refused[code] ?? 0) + 1;
        return;
      }
      this.stats.acksOk += 1;
      if (typeof ack.data?.seq === 'number') this.stats.acksStored += 1;
      if (range) editor.markAcked(range[0], range[1]);
      if (kind === 'update') this.stats.updateAckMs.push(performance.now() - sentAt);
    });
  }
}

/**
 * The reference: `@hocuspocus/provider` as an application would use it (one provider and one
 * WebSocket per editor, awareness on, no batching), over `ws` since Node 20 has no WebSocket global.
 */
class HocuspocusConnection implements Connection {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;

  constructor(editor: Editor, url: string, origin: string, canvasId: string, stats: Stats, onProblem: (problem: string) => void) {
    // Browsers send an Origin; so do these, as the hub's clients do.
    class BrowserLikeWebSocket extends WebSocket {
      constructor(address: string) {
        super(address, { origin });
      }
    }
    // The polyfill is a setting of the socket, so the socket is made here: one per editor, as the
    // provider makes it when given a URL.
    this.socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: BrowserLikeWebSocket });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: canvasId,
      document: editor.doc,
      awareness: editor.awareness,
      onOutgoingMessage: ({ message }) => {
        if (message.description === 'A document update') stats.sent.updates += 1;
        else if (message.description === 'First sync step' || message.description === 'Second sync step') stats.sent.syncSteps += 1;
        else if (message.description === 'Awareness states update') stats.sent.awareness += 1;
      },
      onDisconnect: () => {
        stats.disconnects += 1;
      },
      onAuthenticationFailed: ({ reason }) => onProblem(`authentication failed: ${reason}`),
    });
    // With a socket passed in, the provider waits to be attached to it.
    this.provider.attach();
  }

  get ready(): boolean {
    return this.provider.isSynced;
  }

  close(): void {
    this.provider.destroy();
    this.socket.destroy();
  }
}

interface Setup {
  target: TargetKind;
  url: string;
  origin: string;
  workload: Workload;
  canvases: CanvasTracker[];
  editors: Editor[];
}

const latencies = { values: [] as number[] };
const stats = new Stats();
const problems: string[] = [];
const noteProblem = (problem: string): void => {
  // Kept short: a misbehaving server could otherwise fill the runner's memory.
  if (problems.length < 50) problems.push(problem);
};
let setup: Setup | null = null;

function connect(target: TargetKind, editor: Editor, url: string, origin: string, canvasId: string): Connection {
  return target === 'hub' ? new HubConnection(editor, url, origin, canvasId, stats, noteProblem) : new HocuspocusConnection(editor, url, origin, canvasId, stats, noteProblem);
}

async function runSetup(command: Extract<WorkerCommand, { type: 'setup' }>): Promise<WorkerReply> {
  const started = performance.now();
  const canvases: CanvasTracker[] = [];
  const editors: Editor[] = [];
  command.canvases.forEach((spec, canvasIndex) => {
    const tracker = new CanvasTracker(spec, latencies);
    canvases.push(tracker);
    spec.editors.forEach((editorSpec, editorIndex) => {
      // The same seed per (canvas, editor) for both targets: the same cards, lengths and texts.
      const seed = (command.seed * 1_000_003 + canvasIndex * 1_009 + editorIndex) >>> 0;
      editors.push(new Editor(tracker, editorIndex, editorSpec.token, editorSpec.userId, seed, command.workload));
    });
  });
  // Connect a few at a time, as people arrive, rather than all in one burst.
  const batch = 10;
  for (let i = 0; i < editors.length; i += batch) {
    for (const editor of editors.slice(i, i + batch)) editor.connection = connect(command.target, editor, command.url, command.origin, editor.canvas.spec.id);
    await waitFor(() => editors.slice(i, i + batch).every((editor) => editor.connection.ready), command.connectTimeoutMs, `editors ${i + 1}–${Math.min(editors.length, i + batch)} to sync (${problems.slice(0, 3).join('; ') || 'no error reported'})`);
  }
  // The first editor of each canvas makes its cards; everyone waits until they see all of them.
  for (const editor of editors) if (editor.index === 0) createCards(editor.doc, command.workload.cardsPerCanvas, editor.userId, LOCAL);
  await waitFor(
    () => editors.every((editor) => (editor.texts ??= cardTexts(editor.doc, command.workload.cardsPerCanvas)) !== null),
    command.connectTimeoutMs,
    'every editor to see the cards',
  );
  setup = { target: command.target, url: command.url, origin: command.origin, workload: command.workload, canvases, editors };
  return { type: 'ready', editors: editors.length, connectMs: Math.round(performance.now() - started) };
}

async function runEdits(command: Extract<WorkerCommand, { type: 'edit' }>): Promise<WorkerReply> {
  const current = setup!;
  stats.reset();
  latencies.values = [];
  const period = 1000 / current.workload.opsPerSecond;
  const lags: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  const start = performance.now() + 20;
  const end = start + command.seconds * 1000;
  let edits = 0;
  let recordedEdits = 0;
  // Each editor at its own phase within the period, fixed per editor, so the load is spread evenly.
  await Promise.all(
    current.editors.map(
      (editor, position) =>
        new Promise<void>((resolve) => {
          const phase = ((position * 7919) % current.editors.length) * (period / current.editors.length);
          let due = start + phase;
          const tick = (): void => {
            lags.push(performance.now() - due);
            editor.edit(command.record, stats);
            edits += 1;
            if (command.record) recordedEdits += 1;
            due += period;
            if (due >= end) return resolve();
            setTimeout(tick, Math.max(0, due - performance.now()));
          };
          setTimeout(tick, Math.max(0, due - performance.now()));
        }),
    ),
  );
  const seconds = (performance.now() - start) / 1000;
  loop.disable();
  // Let the last edits arrive; what is still missing after the drain time is reported, not hidden.
  const drainStarted = performance.now();
  while (performance.now() - drainStarted < command.drainMs && current.canvases.some((canvas) => canvas.undelivered() > 0)) await sleep(20);
  const [lagP50, lagP99, lagMax] = percentiles(lags, [50, 99, 100]);
  const [ackP50, ackP99, ackMax] = percentiles(stats.updateAckMs, [50, 99, 100]);
  const figures: EditFigures = {
    edits,
    recordedEdits,
    latenciesMs: Float64Array.from(latencies.values),
    undelivered: current.canvases.reduce((sum, canvas) => sum + canvas.undelivered(), 0),
    scheduleLagMs: { p50: lagP50!, p99: lagP99!, max: lagMax! },
    eventLoopDelayMs: { p50: loopDelay(loop.percentile(50)), p99: loopDelay(loop.percentile(99)), max: loopDelay(loop.max) },
    sent: { ...stats.sent },
    acks:
      current.target === 'hub'
        ? { ok: stats.acksOk, stored: stats.acksStored, refused: { ...stats.refused }, timedOut: stats.timedOut, updateAckMs: { p50: ackP50!, p99: ackP99!, max: ackMax! } }
        : undefined,
    editsWhileDisconnected: stats.editsWhileDisconnected,
    disconnects: stats.disconnects,
    seconds: round(seconds),
    problems: problems.splice(0),
  };
  latencies.values = [];
  return { type: 'edited', figures };
}

const round = (value: number): number => Math.round(value * 100) / 100;
/** The histogram's samples include the sampling interval itself; what matters is the delay beyond it. */
const loopDelay = (nanoseconds: number): number => round(Math.max(0, nanoseconds / 1e6 - LOOP_RESOLUTION_MS));

function runMark(): WorkerReply {
  const marks: AckMarks = { canvases: {}, unacknowledgedMessages: 0 };
  for (const editor of setup!.editors) {
    const canvas = (marks.canvases[editor.canvas.spec.id] ??= {});
    canvas[String(editor.doc.clientID)] = editor.acked.map(([start, end]) => [start, end]);
    marks.unacknowledgedMessages += editor.unacknowledged;
  }
  return { type: 'marked', marks };
}

async function runSettle(command: Extract<WorkerCommand, { type: 'settle' }>): Promise<WorkerReply> {
  const editors = setup!.editors;
  const started = performance.now();
  while (performance.now() - started < command.timeoutMs && !editors.every((editor) => editor.connection.ready)) await sleep(50);
  return { type: 'settled', connected: editors.filter((editor) => editor.connection.ready).length, editors: editors.length, waitedMs: Math.round(performance.now() - started) };
}

const stateVectorOf = (doc: Y.Doc): Map<number, number> => Y.decodeStateVector(Y.encodeStateVector(doc));
const sameStateVector = (a: Map<number, number>, b: Map<number, number>): boolean => a.size === b.size && [...a].every(([client, clock]) => b.get(client) === clock);

async function runVerify(command: Extract<WorkerCommand, { type: 'verify' }>): Promise<WorkerReply> {
  const current = setup!;
  const results: CanvasVerification[] = [];
  const deadline = performance.now() + command.timeoutMs;
  for (const canvas of current.canvases) {
    const editors = current.editors.filter((editor) => editor.canvas === canvas);
    // Give the last messages time to arrive, up to the deadline; whatever differs then is reported.
    while (performance.now() < deadline) {
      const first = stateVectorOf(editors[0]!.doc);
      if (editors.every((editor) => sameStateVector(first, stateVectorOf(editor.doc)))) break;
      await sleep(50);
    }
    const vectors = editors.map((editor) => stateVectorOf(editor.doc));
    const contents = editors.map((editor) => documentContent(editor.doc));
    const converged = vectors.every((vector) => sameStateVector(vectors[0]!, vector)) && contents.every((content) => content === contents[0]);
    // An edit is missing when some other editor's state for its author stops before the edit's end.
    let missingEdits = 0;
    for (const author of editors) {
      const ends = canvas.ends.get(author.doc.clientID) ?? [];
      const lowest = Math.min(...editors.filter((other) => other !== author).map((other) => Y.getState(other.doc.store, author.doc.clientID)));
      missingEdits += ends.filter((end) => end > lowest).length;
    }
    const edits = [...canvas.ends.values()].reduce((sum, ends) => sum + ends.length, 0);
    const fresh = await freshRead(current, canvas, editors[0]!);
    const freshReaderMatches = fresh.content === contents[0] && fresh.vector !== null && sameStateVector(fresh.vector, vectors[0]!);
    results.push({
      canvasId: canvas.spec.id,
      editors: editors.length,
      converged,
      divergentEditors: contents.filter((content) => content !== contents[0]).length,
      missingEdits,
      freshReaderMatches,
      ...(fresh.error ? { freshReaderError: fresh.error } : {}),
      edits,
      characters: editors[0]!.texts!.reduce((sum, text) => sum + text.length, 0),
      stateVector: Object.fromEntries([...vectors[0]!].map(([client, clock]) => [String(client), clock])),
      documentBytes: Y.encodeStateAsUpdate(editors[0]!.doc).length,
    });
  }
  return { type: 'verified', canvases: results };
}

/** Opens the canvas with a new, empty document and reads what the server has. */
async function freshRead(current: Setup, canvas: CanvasTracker, sameUser: Editor): Promise<{ content: string | null; vector: Map<number, number> | null; error?: string }> {
  // A tracker of its own: what the reader receives must not count as arrivals at the editors.
  const reader = new Editor(new CanvasTracker(canvas.spec, { values: [] }), -1, sameUser.token, sameUser.userId, 1, current.workload);
  reader.connection = connect(current.target, reader, current.url, current.origin, canvas.spec.id);
  try {
    await waitFor(() => reader.connection.ready, 30_000, 'a fresh reader to sync');
    return { content: documentContent(reader.doc), vector: stateVectorOf(reader.doc) };
  } catch (error) {
    return { content: null, vector: null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    reader.connection.close();
    reader.doc.destroy();
  }
}

async function handle(command: WorkerCommand): Promise<void> {
  try {
    if (command.type === 'setup') reply(await runSetup(command));
    else if (command.type === 'edit') reply(await runEdits(command));
    else if (command.type === 'mark') reply(runMark());
    else if (command.type === 'settle') reply(await runSettle(command));
    else if (command.type === 'verify') reply(await runVerify(command));
    else if (command.type === 'close') {
      for (const editor of setup?.editors ?? []) editor.connection?.close();
      await sleep(200);
      process.exit(0);
    }
  } catch (error) {
    reply({ type: 'failed', error: `${error instanceof Error ? (error.stack ?? error.message) : String(error)}${problems.length ? `\nproblems seen: ${problems.join('; ')}` : ''}` });
  }
}

process.on('message', (command: WorkerCommand) => void handle(command));
// The runner holds the other end of the IPC channel: when it goes, so does this process.
process.on('disconnect', () => process.exit(0));
