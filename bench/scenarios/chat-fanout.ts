import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { io } from 'socket.io-client';
import { ChatLoadGenerator, type StepFigures, type StepSettings } from '../lib/chat-load.js';
import type { ChannelSpec, ConnectReport, SocketSpec } from '../lib/chat-load-protocol.js';
import { DEFAULT_DATABASE_URL, assertLocalDatabase, databaseName, dropDatabase, withDatabaseName, withoutPassword } from '../lib/database.js';
import { machineInfo, packageVersions, sourceInfo } from '../lib/environment.js';
import { graphql } from '../lib/graphql-client.js';
import { startBenchHub } from '../lib/hub.js';
import { machineCpu } from '../lib/cpu.js';
import { waitForQuietMachine } from '../lib/measure.js';
import { ManagedProcess, freePort, waitForHttpOk } from '../lib/processes.js';
import type { CaseResult, ScenarioResult } from '../lib/results.js';
import { envInt, type Scenario, type ScenarioContext } from '../lib/scenario.js';

const NAME = 'chat-fanout';
const GOAL_MIN_RATIO = 0.5;
const GOAL_MAX_KIB_PER_SOCKET = 30;
const MAX_P99_MS = 100;
/** The Origin every benchmark socket sends; the hub is started with exactly this one allowed. */
const ORIGIN = 'https://bench.innomed.invalid';
const USER_EMAIL_DOMAIN = 'chat-bench.invalid';
/** A chat line of ordinary length; each message appends its number. */
const BODY = 'Shall we go over the circular-design pilot on Thursday? I can bring the supplier figures.';
const DEFAULT_RATES = '500,1000,1500,2000,3000,4000,6000,8000,12000,16000';
/** High enough never to refuse a benchmark send: the rate limit is not what is measured. */
const CHAT_RATE_LIMIT = '100000';
const TOKEN_TTL_SECONDS = 3 * 3600;
/** Busy cores (all processes) under which the machine counts as quiet between steps. */
const QUIET_CORES = 0.3;

type Variant = 'single' | 'pair';

interface Settings {
  channels: number;
  members: number;
  idleSockets: number;
  fixedRate: number;
  fixedSeconds: number;
  rates: number[];
  stepSeconds: number;
  stepWarmupSeconds: number;
  drainSeconds: number;
  refine: number;
  workers: number;
  settleSeconds: number;
  retries: number;
  quietWaitSeconds: number;
  connectConcurrency: number;
  variants: Variant[];
  targets: Array<'hub' | 'bare'>;
  startTimeoutMs: number;
  idleWaitSeconds: number;
  poolSize: number;
  redisUrl: string;
}

interface User {
  id: string;
  token: string;
}

interface ChatTarget {
  name: 'hub' | 'bare';
  variant: Variant;
  role: 'subject' | 'reference';
  description: string;
  servers: ManagedProcess[];
  /** Base URLs (http://host:port), one per instance. */
  urls: string[];
  channelIds: string[];
  /** The hub stamps the author; the bare server does not know who anyone is. */
  checkAuthor: boolean;
  /** The hub promises per-channel order on every instance; the bare server only within one process. */
  checkOrder: boolean;
}

interface IdleMemory {
  sockets: number;
  /** RSS of each instance before and after, KiB (/proc's kB). */
  rssKiBBefore: number[];
  rssKiBAfter: number[];
  kibPerSocket: number;
  connect: ConnectReport;
  settleSeconds: number;
}

interface TargetOutcome {
  name: string;
  variant: Variant;
  role: 'subject' | 'reference';
  description: string;
  idleMemory: IdleMemory;
  chatConnect: ConnectReport;
  probe: StepFigures;
  fixed: StepFigures;
  ramp: StepFigures[];
  /** Failed steps that other processes disturbed, each followed by a repeat that replaced it. */
  disturbedAttempts: StepFigures[];
  /** The sustained step (no error, p99 under the limit) with the most delivered messages per second. */
  best: { offeredMessagesPerSecond: number; deliveredMessagesPerSecond: number; deliveriesPerSecond: number; p50Ms: number | null; p99Ms: number | null } | null;
  rssMiBAfter: Array<number | undefined>;
  logLinesDuringLoad: number;
  logs: string[];
}

function readSettings(): Settings {
  const rates = (process.env.BENCH_CHAT_RATES || DEFAULT_RATES).split(',').map((value) => Number(value.trim()));
  if (rates.some((rate) => !Number.isFinite(rate) || rate <= 0)) throw new Error(`BENCH_CHAT_RATES must be positive numbers, got "${process.env.BENCH_CHAT_RATES}"`);
  const variants = (process.env.BENCH_CHAT_VARIANTS || 'single,pair').split(',').map((value) => value.trim());
  if (variants.some((variant) => variant !== 'single' && variant !== 'pair')) throw new Error('BENCH_CHAT_VARIANTS must list single and/or pair');
  const targets = (process.env.BENCH_CHAT_TARGETS || 'hub,bare').split(',').map((value) => value.trim());
  if (targets.some((target) => target !== 'hub' && target !== 'bare')) throw new Error('BENCH_CHAT_TARGETS must list hub and/or bare');
  return {
    channels: envInt('BENCH_CHAT_CHANNELS', 100),
    members: envInt('BENCH_CHAT_MEMBERS', 10),
    idleSockets: envInt('BENCH_CHAT_IDLE_SOCKETS', 5000),
    fixedRate: envInt('BENCH_CHAT_FIXED_RATE', 200),
    fixedSeconds: envInt('BENCH_CHAT_FIXED_SECONDS', 20),
    rates: [...rates].sort((a, b) => a - b),
    stepSeconds: envInt('BENCH_CHAT_STEP_SECONDS', 10),
    stepWarmupSeconds: envInt('BENCH_CHAT_STEP_WARMUP', 2, true),
    drainSeconds: envInt('BENCH_CHAT_DRAIN', 10),
    refine: envInt('BENCH_CHAT_REFINE', 2, true),
    workers: envInt('BENCH_CHAT_WORKERS', 2),
    settleSeconds: envInt('BENCH_CHAT_SETTLE', 10),
    retries: envInt('BENCH_CHAT_RETRIES', 1, true),
    quietWaitSeconds: envInt('BENCH_CHAT_QUIET_WAIT', 20, true),
    connectConcurrency: envInt('BENCH_CHAT_CONNECT_CONCURRENCY', 50),
    variants: variants as Variant[],
    targets: targets as Array<'hub' | 'bare'>,
    startTimeoutMs: envInt('BENCH_START_TIMEOUT', 120) * 1000,
    idleWaitSeconds: envInt('BENCH_IDLE_WAIT', 120, true),
    poolSize: envInt('DATABASE_POOL_SIZE', 10),
    redisUrl: process.env.REDIS_URL || process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
  };
}

function signToken(secret: string, userId: string): string {
  return jwt.sign({ sid: randomUUID(), typ: 'access' }, secret, {
    algorithm: 'HS256',
    subject: userId,
    audience: 'innomed-hub',
    issuer: 'innomed-hub',
    expiresIn: TOKEN_TTL_SECONDS,
  });
}

/**
 * The benchmark's users, straight into `users` (nobody logs in, so any password hash will do). Access
 * tokens are signed with the hub's secret: the hub checks signature, claims and expiry, not a session row.
 */
async function createUsers(databaseUrl: string, count: number, secret: string): Promise<User[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (id, email, password_hash, display_name)
       SELECT t.id, 'chat-bench-' || t.n || '@${USER_EMAIL_DOMAIN}', '!', 'Chat Bench ' || t.n
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [ids],
    );
  } finally {
    await client.end();
  }
  return ids.map((id) => ({ id, token: signToken(secret, id) }));
}

/** One direct conversation per channel, opened by its first member with the other nine. */
async function openConversations(graphqlUrl: string, users: User[], settings: Settings): Promise<string[]> {
  const ids: string[] = [];
  for (let c = 0; c < settings.channels; c += 1) {
    const members = users.slice(c * settings.members, (c + 1) * settings.members);
    const others = members.slice(1).map((member) => JSON.stringify(member.id));
    const mutation = `mutation { openDirectConversation(input: { userIds: [${others.join(', ')}], title: ${JSON.stringify(`Bench channel ${c + 1}`)} }) { id } }`;
    const reply = await graphql<{ openDirectConversation: { id: string } }>(graphqlUrl, mutation, {}, members[0].token);
    const id = reply.data?.openDirectConversation?.id;
    if (!id) throw new Error(`openDirectConversation failed for channel ${c + 1} (HTTP ${reply.status}): ${JSON.stringify(reply.errors)}`);
    ids.push(id);
  }
  return ids;
}

/** The handshake refusal the server gives, or `accepted`. */
async function handshake(url: string, token: string, origin: string): Promise<string> {
  const socket = io(`${url}/chat`, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 10_000, auth: { token }, extraHeaders: { origin } });
  try {
    return await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('accepted'));
      socket.once('connect_error', (error: Error) => resolve(error.message));
    });
  } finally {
    socket.close();
  }
}

/**
 * Waits until the whole machine uses under QUIET_CORES for a second (the servers have worked off the
 * previous step's backlog and nobody else is busy), up to `maxSeconds`.
 */
async function waitForQuietCores(maxSeconds: number): Promise<{ seconds: number; busyCores: number }> {
  const started = Date.now();
  let busyCores = 0;
  while (Date.now() - started < maxSeconds * 1000) {
    const before = machineCpu();
    await sleep(1000);
    const after = machineCpu();
    if (!before || !after) break;
    busyCores = Math.round((after.busy - before.busy) * 100) / 100;
    if (busyCores < QUIET_CORES) break;
  }
  return { seconds: Math.round((Date.now() - started) / 100) / 10, busyCores };
}

async function measureIdleMemory(generator: ChatLoadGenerator, target: ChatTarget, users: User[], settings: Settings, log: (message: string) => void): Promise<IdleMemory> {
  const spec = (user: User, i: number): SocketSpec => ({ url: target.urls[i % target.urls.length], token: user.token, userId: user.id });
  const options = { origin: ORIGIN, concurrency: settings.connectConcurrency };
  // A first round so the code paths and buffers a socket needs exist before the baseline is read.
  const warm = await generator.connectIdle(users.slice(0, 100).map(spec), options);
  await generator.closeIdle();
  if (warm.failed) log(`warning: ${warm.failed} of the warm-up sockets were refused: ${JSON.stringify(warm.failures)}`);
  await sleep(settings.settleSeconds * 1000);
  const rssKiBBefore = target.servers.map((server) => server.rssKiB() ?? 0);
  const connect = await generator.connectIdle(users.slice(0, settings.idleSockets).map(spec), options);
  log(`${target.name} (${target.variant}): ${connect.connected} idle sockets connected in ${connect.seconds}s${connect.failed ? `, ${connect.failed} refused ${JSON.stringify(connect.failures)}` : ''}; settling ${settings.settleSeconds}s`);
  await sleep(settings.settleSeconds * 1000);
  const rssKiBAfter = target.servers.map((server) => server.rssKiB() ?? 0);
  await generator.closeIdle();
  const growth = rssKiBAfter.reduce((sum, after, i) => sum + after - rssKiBBefore[i], 0);
  const kibPerSocket = connect.connected ? Math.round((growth / connect.connected) * 100) / 100 : 0;
  log(`${target.name} (${target.variant}): RSS ${rssKiBBefore.join('+')} → ${rssKiBAfter.join('+')} KiB, ${kibPerSocket} KiB per idle socket`);
  return { sockets: connect.connected, rssKiBBefore, rssKiBAfter, kibPerSocket, connect, settleSeconds: settings.settleSeconds };
}

const describeStep = (step: StepFigures): string =>
  `${step.label}: offered ${step.offeredMessagesPerSecond}/s, delivered ${step.deliveredMessagesPerSecond} msg/s (${step.deliveriesPerSecond} deliveries/s), ` +
  `p50 ${step.latencyMs.p50 ?? '∞'} ms, p99 ${step.latencyMs.p99 ?? '∞'} ms` +
  (step.cpu
    ? `, cores: server ${step.cpu.serverCores}, generator ${step.cpu.generatorCores}, postgres ${step.cpu.postgresCores}, redis ${step.cpu.redisCores}, other ${step.cpu.otherCores}`
    : '') +
  (step.disturbed ? ' [disturbed]' : '') +
  (step.sustained ? '' : ` — ${step.shortfalls.join('; ')}`);

async function measureTarget(context: ScenarioContext, target: ChatTarget, users: User[], settings: Settings, problems: string[]): Promise<TargetOutcome> {
  const { root, log } = context;
  const label = `${target.name} (${target.variant})`;
  const generator = await ChatLoadGenerator.start({ root, tmpDir: context.tmpDir, name: `${NAME}-${target.name}-${target.variant}`, workers: settings.workers, members: settings.members, startTimeoutMs: settings.startTimeoutMs });
  try {
    const { problem: busy } = await waitForQuietMachine(settings.idleWaitSeconds, log);
    if (busy) problems.push(`${label}: ${busy}`);

    const idleMemory = await measureIdleMemory(generator, target, users, settings, log);
    if (idleMemory.connect.failed) problems.push(`${label}: ${idleMemory.connect.failed} of ${settings.idleSockets} idle sockets refused: ${JSON.stringify(idleMemory.connect.failures)}`);

    const channels: ChannelSpec[] = target.channelIds.map((channelId, c) => ({
      channelId,
      members: users.slice(c * settings.members, (c + 1) * settings.members).map((user, k) => ({ url: target.urls[k % target.urls.length], token: user.token, userId: user.id })),
    }));
    const chatConnect = await generator.connectChat(channels, { origin: ORIGIN, concurrency: settings.connectConcurrency, checkAuthor: target.checkAuthor, checkOrder: target.checkOrder });
    const rejoined = Object.values(chatConnect.rejoined).reduce((sum, count) => sum + count, 0);
    const joinTrouble =
      (chatConnect.notSynced ? `; ${chatConnect.notSynced} joined sockets had no chat:synced within 10 s` : '') +
      (Object.keys(chatConnect.notices).length ? `; notices while joining ${JSON.stringify(chatConnect.notices)}` : '') +
      (rejoined ? `; ${rejoined} sockets joined again before measuring (${JSON.stringify(chatConnect.rejoined)}), ${chatConnect.notSyncedAfterRejoin} still without chat:synced` : '');
    log(`${label}: ${chatConnect.connected} chat sockets connected, ${chatConnect.joined} joined in ${chatConnect.seconds}s${joinTrouble}`);
    const expectedSockets = settings.channels * settings.members;
    if (joinTrouble) problems.push(`${label}: while joining the ${expectedSockets} chat sockets${joinTrouble}`);
    if (chatConnect.connected < expectedSockets || chatConnect.joined < expectedSockets) {
      problems.push(`${label}: ${chatConnect.connected}/${expectedSockets} chat sockets connected, ${chatConnect.joined} joined; refusals ${JSON.stringify(chatConnect.failures)}, join failures ${JSON.stringify(chatConnect.joinFailures)}`);
    }

    const logLinesBefore = target.servers.map((server) => server.outputLines);
    const disturbedAttempts: StepFigures[] = [];
    const base: StepSettings = {
      warmupSeconds: settings.stepWarmupSeconds,
      measureSeconds: settings.stepSeconds,
      drainSeconds: settings.drainSeconds,
      ackTimeoutSeconds: settings.drainSeconds,
      body: BODY,
      maxP99Ms: MAX_P99_MS,
      checkOrder: target.checkOrder,
      uses: { postgres: target.name === 'hub', redis: target.variant === 'pair' },
    };
    const run = async (stepLabel: string, rate: number, overrides: Partial<StepSettings> = {}): Promise<StepFigures> => {
      for (const server of target.servers) {
        if (server.hasExited) throw new Error(`${server.name} ${server.describeExit()} during the run:\n${server.recentOutput()}`);
      }
      let step: StepFigures | null = null;
      for (let attempt = 0; attempt <= settings.retries; attempt += 1) {
        const waited = await waitForQuietCores(settings.quietWaitSeconds);
        if (waited.seconds > 5) log(`${label}: waited ${waited.seconds}s for the machine to calm down (${waited.busyCores} cores busy)`);
        step = await generator.step(stepLabel, rate, { ...base, ...overrides }, target.servers);
        log(`${label} ${describeStep(step)}`);
        // A step that failed while something else took the cores says nothing about the target: repeat it.
        if (step.sustained || !step.disturbed || attempt === settings.retries) break;
        log(`${label}: ${stepLabel} was disturbed by other processes; repeating it`);
        disturbedAttempts.push(step);
      }
      return step!;
    };

    // One message per channel per second for two seconds: everything must arrive intact before anything is measured.
    const probe = await run('probe', settings.channels, { warmupSeconds: 0, measureSeconds: 2 });
    if (!probe.sustained) problems.push(`${label}: the probe (one message per channel per second) already failed: ${probe.shortfalls.join('; ')}`);

    const fixed = await run(`fixed ${settings.fixedRate}/s`, settings.fixedRate, { measureSeconds: settings.fixedSeconds });
    const fixedErrors = fixed.shortfalls.filter((shortfall) => !shortfall.startsWith('p99'));
    if (fixedErrors.length) problems.push(`${label}: at the fixed ${settings.fixedRate} msg/s: ${fixedErrors.join('; ')}`);

    // Rising steps until one is not sustained, then halve the gap a few times.
    const ramp: StepFigures[] = [];
    let lastGood: StepFigures | null = fixed.sustained ? fixed : null;
    let firstBad: StepFigures | null = fixed.sustained ? null : fixed;
    for (const rate of settings.rates) {
      if (firstBad) break;
      if (rate <= settings.fixedRate) continue;
      const step = await run(`step ${rate}/s`, rate);
      ramp.push(step);
      if (step.sustained) lastGood = step;
      else firstBad = step;
    }
    for (let i = 0; i < settings.refine && firstBad; i += 1) {
      const low = lastGood?.offeredMessagesPerSecond ?? 0;
      const high = firstBad.offeredMessagesPerSecond;
      const rate = Math.round((low + high) / 2 / 25) * 25;
      if (rate <= low || rate >= high || rate <= 0) break;
      const step = await run(`refine ${rate}/s`, rate);
      ramp.push(step);
      if (step.sustained) lastGood = step;
      else firstBad = step;
    }

    const sustained = [fixed, ...ramp].filter((step) => step.sustained);
    const top = sustained.sort((a, b) => b.deliveredMessagesPerSecond - a.deliveredMessagesPerSecond)[0];
    const logLinesDuringLoad = target.servers.reduce((sum, server, i) => sum + server.outputLines - logLinesBefore[i], 0);
    const logs = target.servers.flatMap((server, i) => server.outputSince(logLinesBefore[i], 3).map((line) => `${server.name}: ${line.slice(0, 300)}`));
    if (logLinesDuringLoad) problems.push(`${label} logged ${logLinesDuringLoad} lines under load; first: ${logs.join(' | ')}`);
    await generator.closeChat();
    return {
      name: target.name,
      variant: target.variant,
      role: target.role,
      description: target.description,
      idleMemory,
      chatConnect,
      probe,
      fixed,
      ramp,
      disturbedAttempts,
      best: top
        ? {
            offeredMessagesPerSecond: top.offeredMessagesPerSecond,
            deliveredMessagesPerSecond: top.deliveredMessagesPerSecond,
            deliveriesPerSecond: top.deliveriesPerSecond,
            p50Ms: top.latencyMs.p50,
            p99Ms: top.latencyMs.p99,
          }
        : null,
      rssMiBAfter: target.servers.map((server) => server.rssMiB()),
      logLinesDuringLoad,
      logs,
    };
  } finally {
    await generator.stop();
  }
}

async function startBare(context: ScenarioContext, variant: Variant, settings: Settings): Promise<{ servers: ManagedProcess[]; urls: string[] }> {
  const count = variant === 'pair' ? 2 : 1;
  const servers: ManagedProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const port = await freePort();
    const name = count === 1 ? 'bare' : `bare-${i + 1}`;
    context.log(`starting ${name} on 127.0.0.1:${port}${variant === 'pair' ? ' (redis adapter)' : ''}`);
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: String(port) };
    if (variant === 'pair') env.REDIS_URL = settings.redisUrl;
    else delete env.REDIS_URL;
    const server = new ManagedProcess({
      name,
      command: process.execPath,
      args: ['--import', 'tsx', join(context.root, 'bench/reference/bare-chat-server.ts')],
      cwd: context.root,
      env,
      logFile: join(context.tmpDir, `${NAME}-${variant}-${name}.log`),
    });
    servers.push(server);
    await waitForHttpOk(`http://127.0.0.1:${port}/health`, server, settings.startTimeoutMs);
    urls.push(`http://127.0.0.1:${port}`);
  }
  return { servers, urls };
}

const fmt = (value: number | null | undefined, digits = 0): string => (value === null || value === undefined ? '—' : value.toFixed(digits));

async function run(context: ScenarioContext): Promise<ScenarioResult> {
  const { root, log } = context;
  const settings = readSettings();
  const baseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  // A database of its own, emptied before each variant: every run starts from the same empty tables.
  const databaseUrl = withDatabaseName(baseUrl, `${databaseName(baseUrl)}_chat`);
  assertLocalDatabase(databaseUrl);
  const userCount = Math.max(settings.idleSockets, settings.channels * settings.members);
  const problems: string[] = [];
  const outcomes: TargetOutcome[] = [];
  const verification: Record<string, unknown> = {};
  let serverVersion = 'unknown';
  let entry = '';

  for (const variant of settings.variants) {
    const instances = variant === 'pair' ? 2 : 1;
    let users: User[] | null = null;
    if (settings.targets.includes('hub')) {
      await dropDatabase(databaseUrl);
      const secret = randomBytes(48).toString('base64url');
      const hubs: ManagedProcess[] = [];
      const urls: string[] = [];
      let graphqlUrl = '';
      // One after the other: the first applies the migrations, the second finds nothing left to do.
      for (let i = 0; i < instances; i += 1) {
        const started = await startBenchHub({
          root,
          tmpDir: context.tmpDir,
          name: `${NAME}-${variant}`,
          databaseUrl,
          poolSize: settings.poolSize,
          startTimeoutMs: settings.startTimeoutMs,
          log,
          jwtSecret: secret,
          label: instances === 1 ? 'hub' : `hub-${i + 1}`,
          env: {
            ALLOWED_ORIGINS: ORIGIN,
            CHAT_SEND_RATE_PER_SECOND: CHAT_RATE_LIMIT,
            CHAT_SEND_BURST: CHAT_RATE_LIMIT,
            REDIS_URL: variant === 'pair' ? settings.redisUrl : undefined,
          },
        });
        hubs.push(started.hub);
        urls.push(started.hubUrl.replace(/\/graphql$/, ''));
        if (i === 0) graphqlUrl = started.hubUrl;
        serverVersion = started.serverVersion;
        entry = started.entry;
      }
      users = await createUsers(databaseUrl, userCount, secret);
      const forged = signToken(randomBytes(48).toString('base64url'), users[0].id);
      const handshakes = {
        validToken: await handshake(urls[0], users[0].token, ORIGIN),
        forgedToken: await handshake(urls[0], forged, ORIGIN),
        otherOrigin: await handshake(urls[0], users[0].token, 'https://elsewhere.invalid'),
      };
      if (handshakes.validToken !== 'accepted' || handshakes.forgedToken === 'accepted' || handshakes.otherOrigin === 'accepted') {
        throw new Error(`hub handshake checks failed: ${JSON.stringify(handshakes)}`);
      }
      const channelIds = await openConversations(graphqlUrl, users, settings);
      log(`hub (${variant}): ${users.length} users, ${channelIds.length} conversations of ${settings.members}; handshakes ${JSON.stringify(handshakes)}`);
      verification[`hub-${variant}`] = { users: users.length, conversations: channelIds.length, handshakes };
      outcomes.push(
        await measureTarget(
          context,
          {
            name: 'hub',
            variant,
            role: 'subject',
            description:
              instances === 1
                ? 'innomed-hub, one instance, production settings, no Redis; every message stored in PostgreSQL, then fanned out'
                : 'innomed-hub, two instances on one database with the socket.io Redis adapter; channel members alternate between the instances',
            servers: hubs,
            urls,
            channelIds,
            checkAuthor: true,
            checkOrder: true,
          },
          users,
          settings,
          problems,
        ),
      );
      await Promise.all(hubs.map((hub) => hub.stop()));
    }
    if (settings.targets.includes('bare')) {
      // The bare server ignores tokens, but the handshake carries the same bytes as the hub's.
      users ??= Array.from({ length: userCount }, () => randomUUID()).map((id) => ({ id, token: signToken('bare-reference-does-not-check', id) }));
      const { servers, urls } = await startBare(context, variant, settings);
      outcomes.push(
        await measureTarget(
          context,
          {
            name: 'bare',
            variant,
            role: 'reference',
            description:
              instances === 1
                ? 'socket.io 4 alone: join a room, broadcast to it; no auth, no storage'
                : 'two bare socket.io servers with @socket.io/redis-adapter (ioredis); members alternate between them',
            servers,
            urls,
            channelIds: Array.from({ length: settings.channels }, () => randomUUID()),
            checkAuthor: false,
            checkOrder: instances === 1,
          },
          users,
          settings,
          problems,
        ),
      );
      await Promise.all(servers.map((server) => server.stop()));
    }
  }

  const find = (name: string, variant: Variant) => outcomes.find((outcome) => outcome.name === name && outcome.variant === variant);
  const ratioOf = (variant: Variant): number | null => {
    const hub = find('hub', variant)?.best?.deliveredMessagesPerSecond;
    const bare = find('bare', variant)?.best?.deliveredMessagesPerSecond;
    return hub !== undefined && bare ? Math.round((hub / bare) * 1000) / 1000 : null;
  };
  const clean = (step: StepFigures) => step.shortfalls.every((shortfall) => shortfall.startsWith('p99'));
  const valid = outcomes.every(
    (outcome) =>
      clean(outcome.probe) && clean(outcome.fixed) && outcome.chatConnect.joined === settings.channels * settings.members && outcome.idleMemory.connect.failed === 0,
  );
  const goalFor = (variant: Variant) => {
    const ratio = ratioOf(variant);
    const kib = find('hub', variant)?.idleMemory.kibPerSocket;
    const ratioMet = ratio !== null && ratio >= GOAL_MIN_RATIO;
    const memoryMet = kib !== undefined && kib <= GOAL_MAX_KIB_PER_SOCKET;
    return { ratio, kib, ratioMet, memoryMet, met: ratioMet && memoryMet };
  };
  const main = goalFor('single');

  const cases: CaseResult[] = outcomes.map((outcome) => {
    const goal = goalFor(outcome.variant);
    const missed = [...(goal.ratioMet ? [] : ['ratio']), ...(goal.memoryMet ? [] : ['memory']), ...(valid ? [] : ['failed deliveries'])];
    return {
      name: `${outcome.name}, ${outcome.variant === 'single' ? 'one instance' : 'two instances + Redis'}`,
      figures: {
        [`msgs/s, p99 < ${MAX_P99_MS} ms`]: fmt(outcome.best?.deliveredMessagesPerSecond),
        'deliveries/s': fmt(outcome.best?.deliveriesPerSecond),
        [`p50 ms @ ${settings.fixedRate}/s`]: fmt(outcome.fixed.latencyMs.p50, 2),
        [`p99 ms @ ${settings.fixedRate}/s`]: fmt(outcome.fixed.latencyMs.p99, 2),
        'KiB per idle socket': fmt(outcome.idleMemory.kibPerSocket, 1),
        'ratio vs reference': outcome.role === 'subject' ? fmt(goal.ratio, 2) : '1.00 (reference)',
      },
      goal:
        outcome.role === 'subject'
          ? {
              description: `≥ ${GOAL_MIN_RATIO.toFixed(2)} of bare, ≤ ${GOAL_MAX_KIB_PER_SOCKET} KiB per idle socket${missed.length ? ` (missed: ${missed.join(', ')})` : ''}`,
              met: goal.met && valid,
            }
          : { description: '', met: true },
    };
  });

  return {
    scenario: NAME,
    description: 'Chat fan-out: 1,000 authenticated sockets in 100 channels of 10, stepped send rates, every message stored and fanned out; against a bare socket.io broadcaster.',
    date: new Date().toISOString(),
    machine: { ...machineInfo() },
    source: sourceInfo(root),
    packages: packageVersions(root, ['@nestjs/core', '@nestjs/platform-socket.io', '@nestjs/websockets', 'socket.io', 'socket.io-client', '@socket.io/redis-adapter', 'ioredis', 'typeorm', 'pg']),
    settings: {
      channels: settings.channels,
      membersPerChannel: settings.members,
      chatSockets: settings.channels * settings.members,
      idleSockets: settings.idleSockets,
      idleSocketsState: 'connected to /chat with a valid token and the allowed Origin, not joined to any channel',
      memorySettleSeconds: settings.settleSeconds,
      fixedRateMessagesPerSecond: settings.fixedRate,
      fixedRateSeconds: settings.fixedSeconds,
      rampRates: settings.rates,
      stepSeconds: settings.stepSeconds,
      stepWarmupSeconds: settings.stepWarmupSeconds,
      drainSeconds: settings.drainSeconds,
      refinements: settings.refine,
      maxP99Ms: MAX_P99_MS,
      loadGeneratorWorkers: settings.workers,
      loadGenerator: `socket.io-client (websocket transport only, one connection per socket) in ${settings.workers} child processes on the same machine; each worker owns whole channels`,
      latency:
        'from each message\'s scheduled send time (open-loop schedule) to its receipt by each member, sender included (10 receipts per message); receipts that never came count as slower than any that did',
      deliveredRate: 'receipts arriving inside the measured window ÷ members ÷ window seconds',
      hub: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        ALLOWED_ORIGINS: ORIGIN,
        CHAT_SEND_RATE_PER_SECOND: CHAT_RATE_LIMIT,
        CHAT_SEND_BURST: CHAT_RATE_LIMIT,
        rateLimitNote: 'raised so the per-user send limit never refuses a benchmark message; the default (5/s, burst 20) would',
        entry,
        databasePoolSizePerInstance: settings.poolSize,
      },
      redis: settings.variants.includes('pair') ? settings.redisUrl : 'unused',
      database: { url: withoutPassword(databaseUrl), postgres: serverVersion, note: 'dropped and recreated before each variant' },
      body: `${BODY} #<n>`,
    },
    verification,
    targets: [],
    measurements: { outcomes, ratios: { single: ratioOf('single'), pair: ratioOf('pair') } },
    ratio: main.ratio ?? 0,
    goal: {
      metric: `hub messages/s sustained with p99 < ${MAX_P99_MS} ms ÷ bare's, and hub KiB per idle socket ≤ ${GOAL_MAX_KIB_PER_SOCKET} (one instance)`,
      min: GOAL_MIN_RATIO,
      met: valid && main.met,
    },
    valid,
    problems,
    cases,
  };
}

export const chatFanout: Scenario = {
  name: NAME,
  description: 'Chat fan-out over socket.io: 1,000 sockets in 100 channels of 10, hub (1 and 2 instances) vs bare socket.io.',
  minutes: 45,
  run,
};
