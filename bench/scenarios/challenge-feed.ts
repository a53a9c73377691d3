import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { DEFAULT_DATABASE_URL, databaseName, withDatabaseName, withoutPassword } from '../lib/database.js';
import { machineInfo, packageVersions, sourceInfo } from '../lib/environment.js';
import { graphql, type GraphQLReply } from '../lib/graphql-client.js';
import type { LoadRequest, LoadSettings } from '../lib/load.js';
import { measureInRounds, newTarget, summariseTarget, waitForQuietMachine, warmUp, type Target } from '../lib/measure.js';
import { startBenchHub } from '../lib/hub.js';
import { ManagedProcess, freePort, waitForHttpOk } from '../lib/processes.js';
import type { ScenarioResult, WorkloadResult } from '../lib/results.js';
import { envInt, type Scenario, type ScenarioContext } from '../lib/scenario.js';
import { FEED_DATA, NETWORKS, VIEWER_EMAIL_DOMAIN, VIEWER_EMAIL_PREFIX, countVisible, ensureFeedData, prepareViewer, removeViewers, type Viewer } from './challenge-feed-data.js';

const NAME = 'challenge-feed';
const GOAL_MIN_RATIO = 0.5;
const GOAL_MAX_P99_MS = 100;
const PAGE_SIZE = 50;
/** A term in Italian: the OR'ed configurations also find the English "plastic" through their stemmers. */
const SEARCH_TERM = 'plastica';
const FILTER_LEVER = 'LOOP';
const FEED_QUERY = `query Feed($filter: ChallengeFilter, $first: Int!, $after: String) {
  challenges(filter: $filter, first: $first, after: $after) {
    nodes { id title status answerCount voteScore lastActivityAt viewerFollows author { id displayName } organisation { id name country } network { id name } }
    pageInfo { endCursor hasNextPage }
  }
}`;
const REGISTER = 'mutation($i: RegisterInput!){ register(input:$i){ accessToken user { id } } }';

interface FeedNode {
  id: string;
  title: string;
  status: string;
  answerCount: number;
  voteScore: number;
  lastActivityAt: string;
  viewerFollows: boolean;
  author: { id: string; displayName: string } | null;
  organisation: { id: string; name: string; country: string };
  network: { id: string; name: string };
}

interface FeedPage {
  nodes: FeedNode[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

interface Workload {
  name: string;
  description: string;
  variables: Record<string, unknown>;
}

/** Same fields in the same order, so two pages compare as strings. */
const normalisePage = (page: FeedPage): FeedPage => ({
  nodes: page.nodes.map((node) => ({
    id: node.id,
    title: node.title,
    status: node.status,
    answerCount: node.answerCount,
    voteScore: node.voteScore,
    lastActivityAt: node.lastActivityAt,
    viewerFollows: node.viewerFollows,
    author: node.author ? { id: node.author.id, displayName: node.author.displayName } : null,
    organisation: { id: node.organisation.id, name: node.organisation.name, country: node.organisation.country },
    network: { id: node.network.id, name: node.network.name },
  })),
  pageInfo: { endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage },
});

/** Asks both servers for the same page; they must answer with identical data, a full page, and nothing the viewer may not see. */
async function verifyWorkload(workload: Workload, hubUrl: string, bareUrl: string, token: string, viewer: Viewer): Promise<{ page: FeedPage; summary: Record<string, unknown> }> {
  const answers = await Promise.all([graphql<{ challenges: FeedPage }>(hubUrl, FEED_QUERY, workload.variables, token), graphql<{ challenges: FeedPage }>(bareUrl, FEED_QUERY, workload.variables, token)]);
  const [hubPage, barePage] = answers.map((answer, index) => {
    if (answer.status !== 200 || answer.errors.length || !answer.data?.challenges) {
      throw new Error(`${index === 0 ? 'hub' : 'bare'} answered ${workload.name} with HTTP ${answer.status}: ${JSON.stringify(answer.errors)}`);
    }
    return normalisePage(answer.data.challenges);
  });
  if (JSON.stringify(hubPage) !== JSON.stringify(barePage)) {
    const hubIds = hubPage.nodes.map((node) => node.id);
    const bareIds = barePage.nodes.map((node) => node.id);
    const firstDifference = hubPage.nodes.findIndex((node, i) => JSON.stringify(node) !== JSON.stringify(barePage.nodes[i]));
    throw new Error(
      `hub and bare disagree on ${workload.name}: ${hubIds.length} vs ${bareIds.length} nodes, same ids in the same order: ${JSON.stringify(hubIds) === JSON.stringify(bareIds)}; ` +
        `first differing node #${firstDifference}:\n  hub  ${JSON.stringify(hubPage.nodes[firstDifference] ?? null)}\n  bare ${JSON.stringify(barePage.nodes[firstDifference] ?? null)}\n` +
        `  pageInfo hub ${JSON.stringify(hubPage.pageInfo)} bare ${JSON.stringify(barePage.pageInfo)}`,
    );
  }
  if (hubPage.nodes.length !== PAGE_SIZE || !hubPage.pageInfo.hasNextPage) {
    throw new Error(`${workload.name}: expected a full page of ${PAGE_SIZE} with more to follow, got ${hubPage.nodes.length} (hasNextPage ${hubPage.pageInfo.hasNextPage})`);
  }
  const hidden = hubPage.nodes.filter((node) => node.network.id === viewer.privateHiddenNetworkId);
  if (hidden.length) throw new Error(`${workload.name}: both servers show challenges of a private network the viewer is not in: ${hidden.map((node) => node.id).join(', ')}`);
  const drafts = hubPage.nodes.filter((node) => node.status === 'DRAFT');
  const foreignDrafts = drafts.filter((node) => !viewer.organisationIds.includes(node.organisation.id));
  if (foreignDrafts.length) throw new Error(`${workload.name}: both servers show drafts of organisations the viewer is not in: ${foreignDrafts.map((node) => node.id).join(', ')}`);
  return {
    page: hubPage,
    summary: {
      sameAnswer: true,
      nodes: hubPage.nodes.length,
      firstId: hubPage.nodes[0]!.id,
      lastId: hubPage.nodes[hubPage.nodes.length - 1]!.id,
      endCursor: hubPage.pageInfo.endCursor,
      hasNextPage: hubPage.pageInfo.hasNextPage,
      followed: hubPage.nodes.filter((node) => node.viewerFollows).length,
      drafts: drafts.length,
      networks: new Set(hubPage.nodes.map((node) => node.network.id)).size,
      scriptsInTitles: new Set(hubPage.nodes.map((node) => (/[\u0600-\u06ff]/.test(node.title) ? 'ar' : /[\u0370-\u03ff]/.test(node.title) ? 'el' : 'latin'))).size,
      bodyBytes: JSON.stringify({ data: { challenges: hubPage } }).length,
    },
  };
}

async function run(context: ScenarioContext): Promise<ScenarioResult> {
  const { root, log } = context;
  const durationPerTarget = envInt('BENCH_DURATION', 20);
  const rounds = envInt('BENCH_ROUNDS', 2);
  const segmentSeconds = Math.max(1, Math.round(durationPerTarget / rounds));
  const warmupSeconds = envInt('BENCH_WARMUP', 3);
  const warmupRequests = envInt('BENCH_WARMUP_REQUESTS', 2000);
  const connections = envInt('BENCH_CONNECTIONS', 20);
  const requestTimeoutSeconds = envInt('BENCH_REQUEST_TIMEOUT', 10);
  const startTimeoutMs = envInt('BENCH_START_TIMEOUT', 120) * 1000;
  const poolSize = envInt('DATABASE_POOL_SIZE', 10);
  const idleWaitSeconds = envInt('BENCH_IDLE_WAIT', 120, true);
  // A database of its own next to the other scenarios' one: its 10,000 challenges stay between runs.
  const baseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const databaseUrl = withDatabaseName(baseUrl, `${databaseName(baseUrl)}_feed`);

  const { hub, hubUrl, jwtSecret, serverVersion, entry, redis } = await startBenchHub({ root, tmpDir: context.tmpDir, name: NAME, databaseUrl, poolSize, startTimeoutMs, log });

  const seed = await ensureFeedData(databaseUrl, log);
  log(seed.seeded ? `seeded in ${seed.seconds}s: ${JSON.stringify(seed.counts)}` : `data already there: ${JSON.stringify(seed.counts)}`);

  const removed = await removeViewers(databaseUrl);
  const email = `${VIEWER_EMAIL_PREFIX}${Date.now()}-${randomBytes(4).toString('hex')}@${VIEWER_EMAIL_DOMAIN}`;
  const registered = await graphql<{ register: { accessToken: string; user: { id: string } } }>(hubUrl, REGISTER, {
    i: { email, password: randomBytes(18).toString('base64url'), displayName: 'Bench Feed Viewer' },
  });
  if (!registered.data?.register) throw new Error(`register failed (HTTP ${registered.status}): ${JSON.stringify(registered.errors)}`);
  const token = registered.data.register.accessToken;
  const viewer = await prepareViewer(databaseUrl, registered.data.register.user.id);
  log(`registered ${email} (${viewer.userId}; ${removed} earlier viewer(s) removed): member of ${viewer.organisationIds.length} organisations, follows ${viewer.follows} challenges`);

  const barePort = await freePort();
  log(`starting bare reference on 127.0.0.1:${barePort}`);
  const bare = new ManagedProcess({
    name: 'bare',
    command: process.execPath,
    args: ['--import', 'tsx', join(root, 'bench/reference/bare-challenge-feed-server.ts')],
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(barePort), DATABASE_URL: databaseUrl, JWT_SECRET: jwtSecret, DB_POOL_SIZE: String(poolSize) },
    logFile: join(context.tmpDir, `${NAME}-bare.log`),
  });
  const bareUrl = `http://127.0.0.1:${barePort}/graphql`;
  await waitForHttpOk(bareUrl, bare, startTimeoutMs, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

  // Both must refuse a token signed with another secret.
  const sessionId: unknown = jwt.decode(token, { json: true })?.sid;
  if (typeof sessionId !== 'string') throw new Error('the access token from register has no session id');
  const forged = jwt.sign({ sid: sessionId, typ: 'access' }, randomBytes(48).toString('base64url'), {
    algorithm: 'HS256',
    subject: viewer.userId,
    audience: 'innomed-hub',
    issuer: 'innomed-hub',
    expiresIn: 600,
  });
  const refusals = await Promise.all([graphql<{ challenges: FeedPage | null }>(hubUrl, FEED_QUERY, { first: PAGE_SIZE }, forged), graphql<{ challenges: FeedPage | null }>(bareUrl, FEED_QUERY, { first: PAGE_SIZE }, forged)]);
  const refusal = (reply: GraphQLReply<{ challenges: FeedPage | null }>) => ({ status: reply.status, refused: !reply.data?.challenges, code: reply.errors[0]?.extensions?.code ?? null });
  const forgedTokenRefused = { hub: refusal(refusals[0]), bare: refusal(refusals[1]) };
  if (!forgedTokenRefused.hub.refused || !forgedTokenRefused.bare.refused) {
    throw new Error(`a token signed with another secret was accepted: ${JSON.stringify(forgedTokenRefused)}`);
  }

  // The workloads; the second page continues from the cursor the first page ended with.
  const filterNetwork = NETWORKS.find((network) => network.visibility === 'PRIVATE')!;
  const workloads: Workload[] = [
    { name: 'unfiltered', description: `First page of ${PAGE_SIZE}, no filter: everything the viewer may see, newest first.`, variables: { first: PAGE_SIZE } },
    {
      name: 'filtered',
      description: `First page of ${PAGE_SIZE} in one network (${filterNetwork.name}, private, visible through the viewer's organisations), status OPEN, lever ${FILTER_LEVER}.`,
      variables: { first: PAGE_SIZE, filter: { networkId: viewer.privateVisibleNetworkId, status: 'OPEN', lever: FILTER_LEVER } },
    },
    { name: 'search', description: `First page of ${PAGE_SIZE} for the search term "${SEARCH_TERM}", by relevance.`, variables: { first: PAGE_SIZE, filter: { search: SEARCH_TERM } } },
  ];
  const verification: Record<string, unknown> = { forgedTokenRefused };
  const expectedIds = new Map<string, { first: string; last: string }>();
  for (const workload of [...workloads]) {
    const { page, summary } = await verifyWorkload(workload, hubUrl, bareUrl, token, viewer);
    verification[workload.name] = summary;
    expectedIds.set(workload.name, { first: page.nodes[0]!.id, last: page.nodes[page.nodes.length - 1]!.id });
    if (workload.name === 'unfiltered') {
      const second: Workload = {
        name: 'second-page',
        description: `Second page of ${PAGE_SIZE}, no filter: \`after\` the cursor the unfiltered first page ended with.`,
        variables: { first: PAGE_SIZE, after: page.pageInfo.endCursor },
      };
      const next = await verifyWorkload(second, hubUrl, bareUrl, token, viewer);
      const overlap = next.page.nodes.filter((node) => page.nodes.some((earlier) => earlier.id === node.id));
      if (overlap.length) throw new Error(`the second page repeats ${overlap.length} challenges of the first`);
      verification[second.name] = next.summary;
      expectedIds.set(second.name, { first: next.page.nodes[0]!.id, last: next.page.nodes[next.page.nodes.length - 1]!.id });
      workloads.splice(workloads.indexOf(workload) + 1, 0, second);
    }
  }
  // How many challenges each filter matches for the viewer (plain SQL), so a page of 50 is a real slice.
  verification.matchingRows = {
    unfiltered: await countVisible(databaseUrl, viewer.userId, 'true', []),
    filtered: await countVisible(databaseUrl, viewer.userId, `c.network_id = $2 AND c.status = 'OPEN' AND $3 = ANY (c.levers)`, [viewer.privateVisibleNetworkId, FILTER_LEVER]),
    search: await countVisible(
      databaseUrl,
      viewer.userId,
      `c.search_document @@ (websearch_to_tsquery('italian', $2) || websearch_to_tsquery('greek', $2) || websearch_to_tsquery('french', $2) || websearch_to_tsquery('arabic', $2) || websearch_to_tsquery('english', $2) || websearch_to_tsquery('simple', $2))`,
      [SEARCH_TERM],
    ),
  };
  log(`verified: both servers give the same ${workloads.map((w) => w.name).join(', ')} pages (${JSON.stringify(verification.matchingRows)} matching rows) and refuse a forged token`);

  const settings: LoadSettings = { connections, durationSeconds: segmentSeconds, timeoutSeconds: requestTimeoutSeconds };
  const { idleLoad, problem: busy } = await waitForQuietMachine(idleWaitSeconds, log);
  const problems: string[] = busy ? [busy] : [];

  const workloadResults: WorkloadResult[] = [];
  for (const workload of workloads) {
    const expected = expectedIds.get(workload.name)!;
    const body = JSON.stringify({ query: FEED_QUERY, variables: workload.variables });
    const requestFor = (target: Target): LoadRequest => ({
      url: target.graphqlUrl,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      verifyBody: (text) => !text.includes('"errors"') && text.includes(expected.first) && text.includes(expected.last),
    });
    const targets: Target[] = [
      newTarget({ name: 'hub', role: 'subject', description: 'innomed-hub (NestJS + Apollo driver + TypeORM, production settings)', process: hub, graphqlUrl: hubUrl }),
      newTarget({ name: 'bare', role: 'reference', description: 'Apollo Server standalone + jsonwebtoken + pg, one hand-written SQL statement per page', process: bare, graphqlUrl: bareUrl }),
    ];
    const label = `${workload.name} `;
    await warmUp(targets, requestFor, settings, { seconds: warmupSeconds, requests: warmupRequests }, log, label);
    await measureInRounds(targets, requestFor, settings, rounds, log, label);
    const results = targets.map((target) => summariseTarget(target, root, problems, `${workload.name}: `));
    const [hubResult, bareResult] = results;
    const ratio = bareResult!.figures.requestsPerSecond > 0 ? Math.round((hubResult!.figures.requestsPerSecond / bareResult!.figures.requestsPerSecond) * 1000) / 1000 : 0;
    const valid = results.every((result) => result.figures.errors + result.figures.non2xx + result.figures.mismatches === 0);
    const ratioMet = ratio >= GOAL_MIN_RATIO;
    const p99Met = hubResult!.figures.latencyMs.p99 < GOAL_MAX_P99_MS;
    workloadResults.push({
      name: workload.name,
      description: workload.description,
      request: workload.variables,
      targets: results,
      ratio,
      goal: {
        metric: `hub requests/s ÷ bare requests/s, and hub p99 latency at ${connections} connections`,
        min: GOAL_MIN_RATIO,
        maxP99Ms: GOAL_MAX_P99_MS,
        ratioMet,
        p99Met,
        met: valid && ratioMet && p99Met,
      },
      valid,
    });
    log(`${workload.name}: ratio ${ratio.toFixed(3)}, hub p99 ${hubResult!.figures.latencyMs.p99} ms, bare p99 ${bareResult!.figures.latencyMs.p99} ms`);
  }

  const ratio = Math.min(...workloadResults.map((workload) => workload.ratio));
  const valid = workloadResults.every((workload) => workload.valid);

  return {
    scenario: NAME,
    description: `Challenge feed pages of ${PAGE_SIZE} (unfiltered, filtered, search, second page) over ${FEED_DATA.challenges.toLocaleString('en')} challenges: the hub against one hand-written SQL statement behind a bare Apollo Server.`,
    date: new Date().toISOString(),
    machine: { ...machineInfo(), idleLoadBeforeMeasuring: idleLoad ?? null },
    source: sourceInfo(root),
    packages: packageVersions(root, [
      '@nestjs/core',
      '@nestjs/apollo',
      '@nestjs/graphql',
      '@nestjs/platform-express',
      '@apollo/server',
      'graphql',
      'typeorm',
      'pg',
      'jsonwebtoken',
      'autocannon',
    ]),
    settings: {
      query: FEED_QUERY,
      pageSize: PAGE_SIZE,
      data: { ...FEED_DATA, rows: seed.counts, seededThisRun: seed.seeded, seedSeconds: seed.seconds },
      viewer: { organisations: viewer.organisationIds.length, follows: viewer.follows, sees: 'public networks, one of the two private networks, drafts of its own organisations' },
      connections,
      pipelining: 1,
      warmupSecondsPerTarget: warmupSeconds,
      warmupRequestsPerTarget: warmupRequests,
      rounds,
      segmentSeconds,
      measuredSecondsPerTarget: segmentSeconds * rounds,
      order: 'per workload, alternating per round (hub, bare, then bare, hub, ...)',
      requestTimeoutSeconds,
      idleWaitSeconds,
      databasePoolSizePerServer: poolSize,
      database: { url: withoutPassword(databaseUrl), postgres: serverVersion },
      hub: { NODE_ENV: 'production', LOG_LEVEL: 'warn', REDIS_URL: redis ? 'set' : 'unset', entry: entry },
      loadGenerator: 'autocannon (programmatic, in the runner process on the same machine)',
      latency: 'exact percentiles over all 2xx responses of all rounds, client-side response time',
    },
    verification,
    targets: [],
    workloads: workloadResults,
    ratio,
    goal: {
      metric: `every workload: hub requests/s ÷ bare requests/s ≥ ${GOAL_MIN_RATIO} and hub p99 < ${GOAL_MAX_P99_MS} ms`,
      min: GOAL_MIN_RATIO,
      maxP99Ms: GOAL_MAX_P99_MS,
      met: workloadResults.every((workload) => workload.goal.met),
    },
    valid,
    problems,
  };
}

export const challengeFeed: Scenario = {
  name: NAME,
  description: 'Challenge feed pages of 50 (10,000 challenges): hub vs one hand-written SQL query behind a bare Apollo Server.',
  run,
};
