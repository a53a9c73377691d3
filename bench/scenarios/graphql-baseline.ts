import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { DEFAULT_DATABASE_URL, withoutPassword } from '../lib/database.js';
import { machineInfo, packageVersions, sourceInfo } from '../lib/environment.js';
import { graphql, type GraphQLReply } from '../lib/graphql-client.js';
import type { LoadRequest, LoadSettings } from '../lib/load.js';
import { measureInRounds, newTarget, summariseTarget, waitForQuietMachine, warmUp, type Target } from '../lib/measure.js';
import { startBenchHub } from '../lib/hub.js';
import { ManagedProcess, freePort, waitForHttpOk } from '../lib/processes.js';
import type { ScenarioResult, TargetResult } from '../lib/results.js';
import { envInt, type Scenario, type ScenarioContext } from '../lib/scenario.js';

const NAME = 'graphql-baseline';
const GOAL_MIN_RATIO = 0.6;
const ME_QUERY = '{ me { id displayName preferredLanguages country timeZone } }';
const REGISTER = 'mutation($i: RegisterInput!){ register(input:$i){ accessToken user { id } } }';
const UPDATE_PROFILE = 'mutation($i: UpdateProfileInput!){ updateProfile(input:$i){ id } }';

interface Me {
  id: string;
  displayName: string;
  preferredLanguages: string[];
  country: string | null;
  timeZone: string;
}

/** Same fields in the same order, so two answers compare as strings. */
const normaliseMe = (me: Me): Me => ({
  id: me.id,
  displayName: me.displayName,
  preferredLanguages: [...me.preferredLanguages],
  country: me.country,
  timeZone: me.timeZone,
});

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
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

  const { hub, hubUrl, jwtSecret, serverVersion, entry, redis } = await startBenchHub({ root, tmpDir: context.tmpDir, name: NAME, databaseUrl, poolSize, startTimeoutMs, log });

  const email = `bench-${Date.now()}-${randomBytes(4).toString('hex')}@example.org`;
  const registered = await graphql<{ register: { accessToken: string; user: { id: string } } }>(hubUrl, REGISTER, {
    i: { email, password: randomBytes(18).toString('base64url'), displayName: 'Bench Baseline' },
  });
  if (!registered.data?.register) throw new Error(`register failed (HTTP ${registered.status}): ${JSON.stringify(registered.errors)}`);
  const token = registered.data.register.accessToken;
  const userId = registered.data.register.user.id;
  log(`registered ${email} (${userId})`);

  // Fill the array and char columns so both servers serialise more than defaults; optional for the comparison.
  const profile = await graphql<{ updateProfile: { id: string } }>(
    hubUrl,
    UPDATE_PROFILE,
    { i: { preferredLanguages: ['it', 'ar-TN', 'en'], country: 'TN', timeZone: 'Africa/Tunis' } },
    token,
  );
  const profileUpdated = Boolean(profile.data?.updateProfile);
  if (!profileUpdated) log(`warning: updateProfile failed, measuring with default profile fields: ${JSON.stringify(profile.errors)}`);

  const barePort = await freePort();
  log(`starting bare reference on 127.0.0.1:${barePort}`);
  const bare = new ManagedProcess({
    name: 'bare',
    command: process.execPath,
    args: ['--import', 'tsx', join(root, 'bench/reference/bare-graphql-server.ts')],
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

  // Both must give the same answer to the same request, and both must refuse a token signed with another secret.
  const answers = await Promise.all([graphql<{ me: Me }>(hubUrl, ME_QUERY, {}, token), graphql<{ me: Me }>(bareUrl, ME_QUERY, {}, token)]);
  const [hubMe, bareMe] = answers.map((answer, index) => {
    if (answer.status !== 200 || answer.errors.length || !answer.data?.me) {
      throw new Error(`${index === 0 ? 'hub' : 'bare'} answered me with HTTP ${answer.status}: ${JSON.stringify(answer.errors)}`);
    }
    return normaliseMe(answer.data.me);
  });
  if (JSON.stringify(hubMe) !== JSON.stringify(bareMe)) {
    throw new Error(`hub and bare disagree on me:\n  hub  ${JSON.stringify(hubMe)}\n  bare ${JSON.stringify(bareMe)}`);
  }
  const sessionId: unknown = jwt.decode(token, { json: true })?.sid;
  if (typeof sessionId !== 'string') throw new Error('the access token from register has no session id');
  const forged = jwt.sign({ sid: sessionId, typ: 'access' }, randomBytes(48).toString('base64url'), {
    algorithm: 'HS256',
    subject: userId,
    audience: 'innomed-hub',
    issuer: 'innomed-hub',
    expiresIn: 600,
  });
  const refusals = await Promise.all([graphql<{ me: Me | null }>(hubUrl, ME_QUERY, {}, forged), graphql<{ me: Me | null }>(bareUrl, ME_QUERY, {}, forged)]);
  const refusal = (reply: GraphQLReply<{ me: Me | null }>) => ({
    status: reply.status,
    refused: !reply.data?.me,
    code: reply.errors[0]?.extensions?.code ?? null,
  });
  const forgedTokenRefused = { hub: refusal(refusals[0]), bare: refusal(refusals[1]) };
  if (!forgedTokenRefused.hub.refused || !forgedTokenRefused.bare.refused) {
    throw new Error(`a token signed with another secret was accepted: ${JSON.stringify(forgedTokenRefused)}`);
  }
  log(`verified: both answer ${JSON.stringify(hubMe)} and refuse a forged token`);

  const requestFor = (target: Target): LoadRequest => ({
    url: target.graphqlUrl,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: ME_QUERY }),
    verifyBody: (body) => body.includes(userId) && !body.includes('"errors"'),
  });

  const targets: Target[] = [
    newTarget({ name: 'hub', role: 'subject', description: 'innomed-hub (NestJS + Apollo driver + TypeORM, production settings)', process: hub, graphqlUrl: hubUrl }),
    newTarget({ name: 'bare', role: 'reference', description: 'Apollo Server standalone + jsonwebtoken + pg, same query, token and table', process: bare, graphqlUrl: bareUrl }),
  ];
  const settings: LoadSettings = { connections, durationSeconds: segmentSeconds, timeoutSeconds: requestTimeoutSeconds };

  // Anything else keeping the machine busy skews both targets (BENCH_IDLE_WAIT seconds to calm down).
  const { idleLoad, problem: busy } = await waitForQuietMachine(idleWaitSeconds, log);
  const problems: string[] = busy ? [busy] : [];

  await warmUp(targets, requestFor, settings, { seconds: warmupSeconds, requests: warmupRequests }, log);
  await measureInRounds(targets, requestFor, settings, rounds, log);

  const results: TargetResult[] = targets.map((target) => summariseTarget(target, root, problems));

  const [hubResult, bareResult] = results;
  const ratio = bareResult.figures.requestsPerSecond > 0 ? Math.round((hubResult.figures.requestsPerSecond / bareResult.figures.requestsPerSecond) * 1000) / 1000 : 0;
  const valid = results.every((result) => result.figures.errors + result.figures.non2xx + result.figures.mismatches === 0);

  return {
    scenario: NAME,
    description: 'Authenticated `me` query: the hub against a bare Apollo Server reading the same row with the same token checks.',
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
      query: ME_QUERY,
      connections,
      pipelining: 1,
      warmupSecondsPerTarget: warmupSeconds,
      warmupRequestsPerTarget: warmupRequests,
      rounds,
      segmentSeconds,
      measuredSecondsPerTarget: segmentSeconds * rounds,
      order: 'alternating per round (hub, bare, then bare, hub, ...)',
      requestTimeoutSeconds,
      idleWaitSeconds,
      databasePoolSizePerServer: poolSize,
      database: { url: withoutPassword(databaseUrl), postgres: serverVersion },
      hub: { NODE_ENV: 'production', LOG_LEVEL: 'warn', REDIS_URL: redis ? 'set' : 'unset', entry: entry },
      loadGenerator: 'autocannon (programmatic, in the runner process on the same machine)',
      latency: 'exact percentiles over all 2xx responses of all rounds, client-side response time',
    },
    verification: { me: hubMe, sameAnswer: true, forgedTokenRefused, profileUpdated },
    targets: results,
    ratio,
    goal: { metric: 'hub requests/s ÷ bare requests/s', min: GOAL_MIN_RATIO, met: valid && ratio >= GOAL_MIN_RATIO },
    valid,
    problems,
  };
}

export const graphqlBaseline: Scenario = {
  name: NAME,
  description: 'Authenticated GraphQL `me` query: hub vs a bare Apollo Server on the same table and token.',
  run,
};
