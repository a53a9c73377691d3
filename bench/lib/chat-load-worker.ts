/**
 * A chat load-generator worker, started by the runner with an IPC channel (bench/lib/chat-load.ts).
 * It owns whole channels: every member of a channel is a socket in this process, so the scheduled send
 * time and every receipt are read from the same monotonic clock, and a message's ten receipts are
 * counted where it was sent.
 *
 * Sends are open-loop: message i of a step is due at start + i / rate whatever happened to earlier
 * ones, and its latency runs from that due time, so time spent queued anywhere (the server, the
 * network, this process falling behind) is counted rather than hidden.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ChatClientToServerEvents, ChatMessagePayload, ChatServerToClientEvents } from '../../libs/contracts/src/chat-events.js';
import type { ChannelSpec, ConnectOptions, ConnectReport, SocketSpec, StepCommand, StepReport, WorkerCommand, WorkerReady, WorkerReply } from './chat-load-protocol.js';
import { LatencyHistogram } from './histogram.js';

type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

interface Member {
  socket: ChatSocket;
  channel: ChannelState;
  /** Position in the channel: the bit of this member in a message's receipt mask. */
  index: number;
  userId: string;
  lastSeq: number | undefined;
  /** `chat:synced` arrived after the join: the server finished the catch-up and streams live changes. */
  synced: boolean;
  /** The reason of a `chat:channel-closed` for its channel, if the server sent one. */
  closed: string | null;
}

interface ChannelState {
  id: string;
  members: Member[];
  nextSender: number;
}

interface PendingMessage {
  scheduledAt: number;
  measured: boolean;
  body: string;
  authorId: string;
  channelId: string;
  /** Bit i set once member i received it. */
  mask: number;
  remaining: number;
  /** The seq the ack gave it, for reporting receipts that never came. */
  seq?: number;
}

/** How many missing receipts a step describes one by one. */
const MISSING_SAMPLE = 20;
/** Incomplete messages of earlier steps kept to recognise their late receipts. */
const UNFINISHED_KEPT = 10_000;

interface RunningStep {
  tag: string;
  pending: Map<string, PendingMessage>;
  windowStart: number;
  windowEnd: number;
  report: Omit<StepReport, 'latency' | 'ackLatency' | 'sendLag' | 'eventLoopDelayP99Ms'>;
  latency: LatencyHistogram;
  ackLatency: LatencyHistogram;
  sendLag: LatencyHistogram;
}

const EVENT_LOOP_RESOLUTION_MS = 2;

const send = (message: WorkerReply | WorkerReady): void => {
  process.send?.(message);
};

let channels: ChannelState[] = [];
let idleSockets: ChatSocket[] = [];
let checkAuthor = false;
let checkOrder = false;
let current: RunningStep | null = null;
let disconnects = 0;
/** Server notices that end a socket's stream (`chat:channel-closed` by reason, `session:ended`). */
const notices: Record<string, number> = {};
/** Messages of finished steps some member had not received, by clientId. */
const unfinished = new Map<string, PendingMessage>();

/** Opens one socket to `/chat`; resolves once connected, rejects with the server's refusal reason. */
function connectSocket(spec: SocketSpec, options: ConnectOptions): Promise<ChatSocket> {
  const socket: ChatSocket = io(`${spec.url}/chat`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 20_000,
    auth: { token: spec.token },
    extraHeaders: { origin: options.origin },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await task(item);
    }
  });
  await Promise.all(runners);
}

const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

function onMessage(member: Member, message: ChatMessagePayload): void {
  const now = performance.now();
  if (message.channelId !== member.channel.id) {
    if (current) current.report.wrongChannel += 1;
    return;
  }
  if (checkOrder) {
    if (member.lastSeq !== undefined && message.seq !== member.lastSeq + 1 && current) current.report.orderViolations += 1;
    member.lastSeq = member.lastSeq === undefined ? message.seq : Math.max(member.lastSeq, message.seq);
  }
  const step = current;
  const pending = step?.pending.get(message.clientId);
  if (!step || !pending) {
    const earlier = unfinished.get(message.clientId);
    if (earlier && !(earlier.mask & (1 << member.index))) {
      // A receipt that came after its step had counted it missing: late, not lost.
      earlier.mask |= 1 << member.index;
      if (step) {
        step.report.lateReceiptsOfEarlierSteps += 1;
        step.report.lateReceiptMaxMs = Math.max(step.report.lateReceiptMaxMs, Math.round(now - earlier.scheduledAt));
      }
    } else if (step) {
      step.report.unknownReceipts += 1;
    }
    return;
  }
  const bit = 1 << member.index;
  if (pending.mask & bit) {
    step.report.duplicateReceipts += 1;
    return;
  }
  pending.mask |= bit;
  pending.remaining -= 1;
  if (message.body !== pending.body) step.report.bodyMismatches += 1;
  if (checkAuthor && message.authorId !== pending.authorId) step.report.authorMismatches += 1;
  const latency = now - pending.scheduledAt;
  if (now >= step.windowStart && now < step.windowEnd) {
    step.report.receiptsInWindow += 1;
    const second = Math.floor((now - step.windowStart) / 1000);
    step.report.maxLatencyBySecond[second] = Math.max(step.report.maxLatencyBySecond[second] ?? 0, Math.round(latency));
  }
  if (pending.measured) {
    step.latency.record(latency);
    step.report.measuredReceipts += 1;
  }
  if (pending.remaining === 0) {
    step.pending.delete(message.clientId);
    if (pending.measured) step.report.completeMessages += 1;
  }
}

async function connectChat(specs: ChannelSpec[], options: ConnectOptions): Promise<ConnectReport> {
  const started = performance.now();
  const report: ConnectReport = { connected: 0, failed: 0, failures: {}, joined: 0, joinFailures: {}, notSynced: 0, notices: {}, rejoined: {}, notSyncedAfterRejoin: 0, seconds: 0 };
  const states: ChannelState[] = specs.map((spec) => ({ id: spec.channelId, members: [], nextSender: 0 }));
  const jobs = specs.flatMap((spec, c) => spec.members.map((member, index) => ({ spec: member, channel: states[c], index })));
  await pool(jobs, options.concurrency, async ({ spec, channel, index }) => {
    let socket: ChatSocket;
    try {
      socket = await connectSocket(spec, options);
    } catch (error) {
      report.failed += 1;
      bump(report.failures, error instanceof Error ? error.message : String(error));
      return;
    }
    report.connected += 1;
    const member: Member = { socket, channel, index, userId: spec.userId, lastSeq: undefined, synced: false, closed: null };
    socket.on('chat:message', (message) => onMessage(member, message));
    socket.on('chat:synced', (payload) => {
      if (payload.channelId === channel.id) member.synced = true;
    });
    socket.on('chat:channel-closed', (payload) => {
      bump(notices, `chat:channel-closed ${payload?.reason ?? '?'}`);
      if (payload?.channelId === channel.id) member.closed = payload.reason ?? '?';
    });
    socket.on('session:ended', (payload) => bump(notices, `session:ended ${payload?.reason ?? '?'}`));
    socket.on('disconnect', () => {
      disconnects += 1;
    });
    try {
      const ack = await socket.timeout(20_000).emitWithAck('chat:join', { channelId: channel.id });
      if (ack.ok) {
        report.joined += 1;
        member.lastSeq = ack.data.lastSeq;
        channel.members.push(member);
      } else {
        bump(report.joinFailures, ack.error.code);
      }
    } catch (error) {
      bump(report.joinFailures, error instanceof Error ? error.message : String(error));
    }
  });
  // Members in their channel order, so the receipt bits and the sender rotation are stable.
  for (const state of states) state.members.sort((a, b) => a.index - b.index);
  // Every joined socket should see the end of its (empty) catch-up; one that does not is reported.
  const members = states.flatMap((state) => state.members);
  const waitForSync = async (): Promise<void> => {
    const deadline = performance.now() + 10_000;
    while (members.some((member) => !member.synced && !member.closed) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  await waitForSync();
  report.notSynced = members.filter((member) => !member.synced).length;
  report.notices = { ...notices };
  // A socket whose stream the server ended (or never started) would count as missing receipts in every
  // step. Joined again, as a client would after reconnecting, so the steps measure the live path; the
  // report keeps what happened.
  const stalled = members.filter((member) => member.closed || !member.synced);
  for (const member of stalled) {
    bump(report.rejoined, member.closed ? `chat:channel-closed ${member.closed}` : 'no chat:synced');
    member.closed = null;
    member.synced = false;
    try {
      const ack = await member.socket.timeout(20_000).emitWithAck('chat:join', { channelId: member.channel.id, afterSeq: member.lastSeq ?? 0 });
      if (!ack.ok) bump(report.joinFailures, `rejoin ${ack.error.code}`);
    } catch (error) {
      bump(report.joinFailures, `rejoin ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (stalled.length) {
    await waitForSync();
    report.notSyncedAfterRejoin = members.filter((member) => !member.synced).length;
  }
  channels = [...channels, ...states];
  report.seconds = Math.round((performance.now() - started) / 10) / 100;
  return report;
}

async function runStep(command: StepCommand): Promise<StepReport> {
  if (current) throw new Error('a step is already running');
  const ready = channels.filter((channel) => channel.members.length > 0);
  if (ready.length === 0) throw new Error('no joined channels');
  const delay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  delay.enable();
  // The runner gives one wall-clock start to every worker; from here on only the monotonic clock counts.
  const start = performance.now() + (command.startAtEpochMs - Date.now());
  const interval = 1000 / command.ratePerSecond;
  const total = Math.round((command.ratePerSecond * (command.warmupMs + command.measureMs)) / 1000);
  const windowStart = start + command.warmupMs;
  const windowEnd = windowStart + command.measureMs;
  const step: RunningStep = {
    tag: command.tag,
    pending: new Map(),
    windowStart,
    windowEnd,
    report: {
      scheduled: total,
      measuredScheduled: 0,
      sent: 0,
      acksOk: 0,
      ackFailures: {},
      ackTimeouts: 0,
      acksUnanswered: 0,
      duplicateAcks: 0,
      receiptsInWindow: 0,
      measuredReceipts: 0,
      expectedReceipts: 0,
      completeMessages: 0,
      duplicateReceipts: 0,
      unknownReceipts: 0,
      orderViolations: 0,
      bodyMismatches: 0,
      authorMismatches: 0,
      wrongChannel: 0,
      disconnects: 0,
      notices: {},
      maxLatencyBySecond: Array.from({ length: Math.ceil(command.measureMs / 1000) }, () => 0),
      missingByMember: [],
      missingSample: [],
      lateReceiptsOfEarlierSteps: 0,
      lateReceiptMaxMs: 0,
    },
    latency: new LatencyHistogram(),
    ackLatency: new LatencyHistogram(),
    sendLag: new LatencyHistogram(),
  };
  const disconnectsBefore = disconnects;
  const noticesBefore = { ...notices };
  let acksAwaited = 0;
  current = step;

  const sendOne = (i: number): void => {
    const scheduledAt = start + i * interval;
    const channel = ready[i % ready.length];
    const member = channel.members[channel.nextSender % channel.members.length];
    channel.nextSender += 1;
    const measured = scheduledAt >= windowStart;
    const clientId = `${command.tag}-${i}`;
    const body = `${command.body} #${i}`;
    const pending: PendingMessage = { scheduledAt, measured, body, authorId: member.userId, channelId: channel.id, mask: 0, remaining: channel.members.length };
    step.pending.set(clientId, pending);
    if (measured) {
      step.report.measuredScheduled += 1;
      step.report.expectedReceipts += channel.members.length;
    }
    const sentAt = performance.now();
    step.sendLag.record(sentAt - scheduledAt);
    step.report.sent += 1;
    acksAwaited += 1;
    member.socket.timeout(command.ackTimeoutMs).emit('chat:send', { channelId: channel.id, clientId, body }, (error, ack) => {
      acksAwaited -= 1;
      if (error) {
        // Still pending: a late message is counted when it arrives, a lost one as missing.
        step.report.ackTimeouts += 1;
        return;
      }
      if (!ack.ok) {
        bump(step.report.ackFailures, ack.error.code);
        // Refused, so nothing will arrive: not counted as missing, but the step fails on the refusal.
        if (step.pending.delete(clientId) && measured) step.report.expectedReceipts -= pending.remaining;
        return;
      }
      step.report.acksOk += 1;
      pending.seq = ack.data.seq;
      step.ackLatency.record(performance.now() - sentAt);
      if (ack.data.duplicate) step.report.duplicateAcks += 1;
    });
  };

  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = (): void => {
      const now = performance.now();
      // Everything due is sent now, however late: the schedule never waits for the server.
      while (next < total && start + next * interval <= now) {
        sendOne(next);
        next += 1;
      }
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(0, Math.min(start + next * interval - performance.now(), 5)));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });

  const drainUntil = start + total * interval + command.drainMs;
  while ((step.pending.size > 0 || acksAwaited > 0) && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  current = null;
  delay.disable();
  for (const [clientId, pending] of step.pending) {
    if (pending.measured) {
      const channel = ready.find((candidate) => candidate.id === pending.channelId);
      for (const member of channel?.members ?? []) {
        if (pending.mask & (1 << member.index)) continue;
        step.report.missingByMember[member.index] = (step.report.missingByMember[member.index] ?? 0) + 1;
        if (step.report.missingSample.length < MISSING_SAMPLE) {
          step.report.missingSample.push({ clientId, channelId: pending.channelId, seq: pending.seq ?? null, member: member.index, memberLastSeq: member.lastSeq ?? null });
        }
      }
    }
    unfinished.set(clientId, pending);
  }
  for (const clientId of unfinished.keys()) {
    if (unfinished.size <= UNFINISHED_KEPT) break;
    unfinished.delete(clientId);
  }
  step.report.disconnects = disconnects - disconnectsBefore;
  for (const [notice, count] of Object.entries(notices)) {
    const delta = count - (noticesBefore[notice] ?? 0);
    if (delta > 0) step.report.notices[notice] = delta;
  }
  step.report.acksUnanswered = acksAwaited;
  return {
    ...step.report,
    latency: step.latency.toData(),
    ackLatency: step.ackLatency.toData(),
    sendLag: step.sendLag.toData(),
    // The histogram holds whole sampling intervals; what exceeds the interval is the delay.
    eventLoopDelayP99Ms: Math.max(0, Math.round((delay.percentile(99) / 1e6 - EVENT_LOOP_RESOLUTION_MS) * 100) / 100),
  };
}

async function connectIdle(specs: SocketSpec[], options: ConnectOptions): Promise<ConnectReport> {
  const started = performance.now();
  const report: ConnectReport = { connected: 0, failed: 0, failures: {}, joined: 0, joinFailures: {}, notSynced: 0, notices: {}, rejoined: {}, notSyncedAfterRejoin: 0, seconds: 0 };
  await pool(specs, options.concurrency, async (spec) => {
    try {
      idleSockets.push(await connectSocket(spec, options));
      report.connected += 1;
    } catch (error) {
      report.failed += 1;
      bump(report.failures, error instanceof Error ? error.message : String(error));
    }
  });
  report.seconds = Math.round((performance.now() - started) / 10) / 100;
  return report;
}

/** Closes sockets and waits a little so the server sees the close frames before the runner moves on. */
async function closeAll(sockets: ChatSocket[]): Promise<{ closed: number }> {
  for (const socket of sockets) socket.disconnect();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { closed: sockets.length };
}

async function handle(command: WorkerCommand): Promise<unknown> {
  switch (command.type) {
    case 'connect-chat':
      checkAuthor = command.checkAuthor;
      checkOrder = command.checkOrder;
      return connectChat(command.channels, command.options);
    case 'step':
      return runStep(command.step);
    case 'connect-idle':
      return connectIdle(command.sockets, command.options);
    case 'close-idle': {
      const sockets = idleSockets;
      idleSockets = [];
      return closeAll(sockets);
    }
    case 'close-chat': {
      const sockets = channels.flatMap((channel) => channel.members.map((member) => member.socket));
      channels = [];
      return closeAll(sockets);
    }
  }
}

process.on('message', (raw) => {
  const command = raw as WorkerCommand;
  handle(command).then(
    (result) => send({ id: command.id, ok: true, result }),
    (error: unknown) => send({ id: command.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
// Without its runner there is nobody to report to: leave rather than keep sockets open.
process.on('disconnect', () => process.exit(0));
send({ ready: true });
