/** The messages between the runner and its chat load-generator workers (over the IPC channel). */
import type { HistogramData } from './histogram.js';

/** One user's socket: which server, with which token. */
export interface SocketSpec {
  url: string;
  token: string;
  /** The expected `authorId` of this user's messages (checked when `checkAuthor` is set). */
  userId: string;
}

export interface ChannelSpec {
  channelId: string;
  members: SocketSpec[];
}

export interface ConnectOptions {
  /** Sent as the Origin header; the hub refuses origins not in ALLOWED_ORIGINS. */
  origin: string;
  /** Handshakes in flight at once per worker. */
  concurrency: number;
}

export interface StepCommand {
  /** Unique per step: the clientIds carry it, so stragglers of an earlier step are never counted. */
  tag: string;
  /** This worker's share of the offered rate, messages per second. */
  ratePerSecond: number;
  /** Wall-clock time (ms since the epoch) of the first scheduled send; the same for every worker. */
  startAtEpochMs: number;
  warmupMs: number;
  measureMs: number;
  /** How long after the last scheduled send receipts are still awaited before the rest count as missing. */
  drainMs: number;
  ackTimeoutMs: number;
  /** Message text; each message appends its number. */
  body: string;
}

export type WorkerCommand = { id: number } & (
  | { type: 'connect-chat'; channels: ChannelSpec[]; options: ConnectOptions; checkAuthor: boolean; checkOrder: boolean }
  | { type: 'step'; step: StepCommand }
  | { type: 'connect-idle'; sockets: SocketSpec[]; options: ConnectOptions }
  | { type: 'close-idle' }
  | { type: 'close-chat' }
);

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Sent once by a worker when it is ready for commands. */
export interface WorkerReady {
  ready: true;
}

export interface ConnectReport {
  connected: number;
  failed: number;
  /** Refusal messages (e.g. `INVALID_TOKEN`, `ORIGIN_NOT_ALLOWED`, `timeout`) and how often each came. */
  failures: Record<string, number>;
  joined: number;
  joinFailures: Record<string, number>;
  /** Joined sockets that had no `chat:synced` for their channel 10 s after the last join. */
  notSynced: number;
  /** `chat:channel-closed` (by reason) and `session:ended` notices received so far. */
  notices: Record<string, number>;
  /** Sockets joined a second time because the server closed their stream or never synced them, by cause. */
  rejoined: Record<string, number>;
  /** Of those, still without `chat:synced` 10 s after the second join. */
  notSyncedAfterRejoin: number;
  seconds: number;
}

export interface StepReport {
  /** Messages scheduled in the whole step (warm-up included) and in the measured window. */
  scheduled: number;
  measuredScheduled: number;
  sent: number;
  acksOk: number;
  /** Acks with `ok: false`, by error code. */
  ackFailures: Record<string, number>;
  ackTimeouts: number;
  /** Acks neither answered nor timed out when the drain ended (the report is sent without them). */
  acksUnanswered: number;
  /** Acks saying the message was a resend (nothing new stored): never expected here. */
  duplicateAcks: number;
  /** Receipts (of this step's messages) whose arrival fell in the measured window, whatever their send time. */
  receiptsInWindow: number;
  /** Receipts of messages scheduled in the measured window, whenever they arrived (up to the drain). */
  measuredReceipts: number;
  /** Receipts the measured messages should have produced: members × measured messages not refused. */
  expectedReceipts: number;
  /** Measured messages every member received. */
  completeMessages: number;
  duplicateReceipts: number;
  /** `chat:message` events for a clientId this step never sent (stragglers, or someone else's). */
  unknownReceipts: number;
  /** A socket saw a seq other than its previous one plus one (checked only when the target promises order). */
  orderViolations: number;
  bodyMismatches: number;
  authorMismatches: number;
  /** A `chat:message` for a channel other than the socket's own. */
  wrongChannel: number;
  disconnects: number;
  /** `chat:channel-closed` (by reason) and `session:ended` notices received during the step. */
  notices: Record<string, number>;
  /** The slowest receipt arriving in each second of the measured window, ms: shows stalls that recur (timers, GC). */
  maxLatencyBySecond: number[];
  /** Missing receipts by member position (in the two-instance variant even positions are on the first instance). */
  missingByMember: number[];
  /** Some of the missing receipts: which message (with its acked seq), which member, and the last seq that member saw. */
  missingSample: Array<{ clientId: string; channelId: string; seq: number | null; member: number; memberLastSeq: number | null }>;
  /** Receipts, during this step, of earlier steps' messages that were counted missing there. */
  lateReceiptsOfEarlierSteps: number;
  /** The longest of those, from the message's scheduled send time. */
  lateReceiptMaxMs: number;
  /** Scheduled send time to each receipt, for the measured messages. */
  latency: HistogramData;
  /** Actual send to ack. */
  ackLatency: HistogramData;
  /** Scheduled to actual send: how far the generator itself fell behind its schedule. */
  sendLag: HistogramData;
  /** The worker's event-loop delay while the step ran (p99, ms): a busy generator shows here. */
  eventLoopDelayP99Ms: number;
}
