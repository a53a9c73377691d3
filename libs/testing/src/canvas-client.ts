import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { CANVAS_NAMESPACE, CanvasMessageType, type Ack, type CanvasClientToServerEvents, type CanvasOpenResult, type CanvasServerToClientEvents } from '@app/contracts';

export type CanvasSocket = Socket<CanvasServerToClientEvents, CanvasClientToServerEvents>;

const SERVER = 'server';

/**
 * A plain Yjs client of the hub, written only with yjs, y-protocols and lib0 — what any Yjs
 * application would do over this transport: exchange sync steps on open, send local updates, apply
 * the server's, and resync after reconnecting (which resends anything the server never stored).
 */
export class CanvasTestClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  socket!: CanvasSocket;
  role: string | null = null;
  /** Seqs of our updates the server acknowledged as stored. */
  readonly acked: number[] = [];
  /** Error codes the server answered with. */
  readonly refusals: string[] = [];
  /** Messages whose acknowledgement never came (within the request timeout). */
  unanswered = 0;
  /** How long a message waits for its acknowledgement before it counts as unanswered. */
  requestTimeoutMs = 10_000;
  private syncedOnce: Promise<void> = Promise.resolve();
  private inFlight = new Set<Promise<unknown>>();
  private closedReason: string | null = null;

  private constructor(
    private readonly token: string,
    readonly canvasId: string,
    doc?: Y.Doc,
  ) {
    this.doc = doc ?? new Y.Doc();
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== SERVER && this.socket?.connected) this.sendSync((e) => syncProtocol.writeUpdate(e, update));
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === SERVER || !this.socket?.connected) return;
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
      this.send(this.frame(CanvasMessageType.AWARENESS, (e) => encoding.writeVarUint8Array(e, update)));
    });
  }

  static async open(baseUrl: string, token: string, canvasId: string, doc?: Y.Doc): Promise<CanvasTestClient> {
    const client = new CanvasTestClient(token, canvasId, doc);
    await client.connect(baseUrl);
    return client;
  }

  /** Resolves once the first sync with the server completed (its step 2 arrived). */
  get synced(): Promise<void> {
    return this.syncedOnce;
  }

  get closed(): string | null {
    return this.closedReason;
  }

  async connect(baseUrl: string): Promise<Ack<CanvasOpenResult>> {
    const socket: CanvasSocket = io(baseUrl + CANVAS_NAMESPACE, { transports: ['websocket'], auth: { token: this.token }, reconnection: false, forceNew: true, timeout: 5000 });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
    this.socket = socket;
    let markSynced!: () => void;
    this.syncedOnce = new Promise<void>((resolve) => (markSynced = resolve));
    socket.on('canvas:message', ({ canvasId, data }) => {
      if (canvasId !== this.canvasId) return;
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === CanvasMessageType.SYNC) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, CanvasMessageType.SYNC);
        const kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, SERVER);
        if (kind === syncProtocol.messageYjsSyncStep2) markSynced();
        // Answering the server's step 1 sends whatever it lacks, including updates never acknowledged.
        if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      } else if (type === CanvasMessageType.AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), SERVER);
      }
    });
    socket.on('canvas:closed', ({ reason }) => (this.closedReason = reason));
    socket.on('canvas:role', ({ role }) => (this.role = role));
    const opened = (await socket.timeout(10_000).emitWithAck('canvas:open', { canvasId: this.canvasId })) as Ack<CanvasOpenResult>;
    if (!opened.ok) return opened;
    this.role = opened.data.role;
    this.sendSync((e) => syncProtocol.writeSyncStep1(e, this.doc));
    return opened;
  }

  /** Sends raw bytes as a `canvas:message` (for tests of malformed input). */
  request(data: Uint8Array | unknown): Promise<Ack<{ seq: number | null }>> {
    return this.socket.timeout(this.requestTimeoutMs).emitWithAck('canvas:message', { canvasId: this.canvasId, data } as never) as Promise<Ack<{ seq: number | null }>>;
  }

  /** Waits until every message sent so far was answered. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async reconnect(baseUrl: string): Promise<void> {
    this.socket.close();
    await this.connect(baseUrl);
    await this.synced;
  }

  text(name = 'text'): string {
    return this.doc.getText(name).toString();
  }

  /** Closes the connection and stops the awareness timer (y-protocols keeps one per Awareness). */
  close(): void {
    this.socket?.close();
    this.awareness.destroy();
  }

  private frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  private sendSync(write: (e: encoding.Encoder) => void): void {
    this.send(this.frame(CanvasMessageType.SYNC, write));
  }

  private send(data: Uint8Array): void {
    const sent = this.request(data).then(
      (ack) => {
        if (ack.ok && ack.data.seq !== null) this.acked.push(ack.data.seq);
        if (!ack.ok) this.refusals.push(ack.error.code);
      },
      () => {
        // No answer in time: the socket went away (the next sync resends what matters), or the hub hung.
        this.unanswered += 1;
      },
    );
    this.inFlight.add(sent);
    void sent.finally(() => this.inFlight.delete(sent));
  }
}
