import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Factory, connectSocket, gql, runHubToExit, spawnHub, startTestHub, type TestHub } from '@app/testing';

describe('operations', () => {
  describe('in process', () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub();
    });
    afterAll(() => hub.close());

    it('answers liveness and readiness with the state of the database', async () => {
      const live = await fetch(`${hub.url}/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${hub.url}/health/ready`);
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { checks: { database: { status: string }; redis: { status: string } } };
      expect(body.checks.database.status).toBe('up');
      expect(['up', 'disabled']).toContain(body.checks.redis.status);
    });

    it('exposes Prometheus metrics for HTTP, GraphQL operations, sockets and the event loop', async () => {
      const user = await new Factory(hub.url).user();
      const socket = await connectSocket(hub.url, user.accessToken);
      await gql(hub.url, 'query WhoAmI { me { id } }', {}, user.accessToken);
      const text = await (await fetch(`${hub.url}/metrics`)).text();
      expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} \d+/);
      expect(text).toMatch(/graphql_operation_duration_seconds_count\{type="query",name="WhoAmI",outcome="ok"\} 1/);
      expect(text).toMatch(/realtime_sockets_connected\{transport="socket.io"\} 1/);
      expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds \d/);
      socket.close();
    });

    it('echoes a request id, or makes one', async () => {
      const given = await fetch(`${hub.url}/health/live`, { headers: { 'x-request-id': 'abc-123' } });
      expect(given.headers.get('x-request-id')).toBe('abc-123');
      const made = await fetch(`${hub.url}/health/live`, { headers: { 'x-request-id': 'not valid because spaces' } });
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('as a process', () => {
    it('stops the boot with a message naming each wrong variable', async () => {
      const result = await runHubToExit({ PORT: 'eighty', REDIS_URL: 'http://nope', TRUST_PROXY: 'maybe' });
      expect(result.code).toBe(1);
      expect(result.output).toContain('PORT must be an integer');
      expect(result.output).toContain('REDIS_URL must use redis: or rediss:');
      expect(result.output).toContain('TRUST_PROXY must be true or false');
    });

    // Embedded hubs start, seed and stop as processes: on a busy machine that takes a while, so these
    // tests get a wider bound than the default; they wait for conditions, never for a time.
    it('finishes the requests it accepted before stopping', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'innomed-data-'));
      try {
        const env = { DATABASE_URL: '', REDIS_URL: '', DATA_DIR: dataDir };
        const first = await spawnHub(env);
        type Answer = { email: string; result: Awaited<ReturnType<typeof gql<{ register: { user: { id: string } } }>>> | undefined };
        const register = (email: string): Promise<Answer> =>
          gql<{ register: { user: { id: string } } }>(first.url, 'mutation($i: RegisterInput!) { register(input: $i) { user { id } } }', {
            i: { email, password: 'a long enough password', displayName: 'Drain' },
          }).then(
            (result) => ({ email, result }),
            () => ({ email, result: undefined }),
          );
        // Four clients keep sending sign-ups until the hub stops taking them; the signal goes out as
        // soon as one sign-up has been acknowledged, so requests are in flight when it arrives.
        let acknowledgedOne!: () => void;
        const firstAcknowledged = new Promise<void>((resolve) => (acknowledgedOne = resolve));
        let sent = 0;
        let stopping = false;
        const answers: Answer[] = [];
        const client = async () => {
          while (sent < 200) {
            const answer = await register(`drain-${sent++}@test.example`);
            answers.push(answer);
            if (answer.result?.data) acknowledgedOne();
            if (stopping && !answer.result?.data) return;
          }
        };
        const clients = Promise.all([client(), client(), client(), client()]);
        await firstAcknowledged;
        stopping = true;
        const exited = first.stop('SIGTERM');
        await clients;
        expect(await exited).toBe(0);
        // A request was either taken and answered in full, or refused as the instance stopped (the
        // connection refused, or SERVICE_UNAVAILABLE on a kept-alive one); never cut off half-way.
        for (const { result } of answers) {
          if (result && !result.data) expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        }
        const acknowledged = answers.filter((a) => a.result?.data?.register.user.id !== undefined);
        expect(acknowledged.length).toBeGreaterThan(0);

        const second = await spawnHub(env);
        for (const { email } of acknowledged) {
          const login = await gql(second.url, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password: 'a long enough password' } });
          expect({ email, errors: login.errors }).toEqual({ email, errors: undefined });
        }
        await second.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 240_000);

    it('keeps embedded data across restarts and stops cleanly on Ctrl-C', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'innomed-data-'));
      try {
        // Embedded mode: no DATABASE_URL; data under DATA_DIR.
        const env = { DATABASE_URL: '', REDIS_URL: '', DATA_DIR: dataDir, SEED_DEMO: 'true', JWT_SECRET: '' };
        const first = await spawnHub(env);
        expect(first.output()).toContain('/graphql');
        expect(first.output()).toContain('giulia@demo.innomed.example');
        const user = await new Factory(first.url).user({ email: 'kept@test.example' });
        const socket = await connectSocket(first.url, user.accessToken);
        const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
        expect(await first.stop('SIGINT')).toBe(0);
        await disconnected;

        const second = await spawnHub(env);
        const login = await gql<{ login: { user: { id: string } } }>(second.url, 'mutation { login(input: { email: "kept@test.example", password: "a long enough password" }) { user { id } } }');
        expect(login.data?.login.user.id).toBe(user.id);
        // The generated development secret is kept too: the old access token still works.
        const me = await gql<{ me: { id: string } }>(second.url, '{ me { id } }', {}, user.accessToken);
        expect(me.data?.me.id).toBe(user.id);
        // Demo data is seeded once, not again.
        const orgs = await gql<{ organisations: { nodes: unknown[] } }>(second.url, '{ organisations(first: 100) { nodes { id } } }', {}, user.accessToken);
        expect(orgs.data?.organisations.nodes).toHaveLength(9);
        // The demo conversations are there for a demo user to open.
        const marco = await gql<{ login: { accessToken: string } }>(second.url, 'mutation { login(input: { email: "marco@demo.innomed.example", password: "innomed-demo-2026" }) { accessToken } }');
        const chats = await gql<{ myChatChannels: { nodes: { kind: string; lastSeq: number; unreadCount: number }[] } }>(second.url, '{ myChatChannels(first: 10) { nodes { kind lastSeq unreadCount } } }', {}, marco.data!.login.accessToken);
        expect(chats.data?.myChatChannels.nodes).toEqual(expect.arrayContaining([{ kind: 'DIRECT', lastSeq: 2, unreadCount: 1 }, { kind: 'NETWORK_GENERAL', lastSeq: 4, unreadCount: 4 }]));
        // And the matchmaking session, scheduled, with Marco's agenda on it.
        const sessions = await gql<{ matchmakingSessions: { nodes: { title: string; phase: string; myParticipations: { id: string; organisationName: string }[] }[] } }>(
          second.url,
          '{ matchmakingSessions(first: 5) { nodes { title phase myParticipations { id organisationName } } } }',
          {},
          marco.data!.login.accessToken,
        );
        const demoSession = sessions.data!.matchmakingSessions.nodes.find((s) => s.title === 'Prato–Tunis circular textiles matchmaking')!;
        expect(demoSession.phase).toBe('SCHEDULED');
        const lanificioParticipation = demoSession.myParticipations.find((p) => p.organisationName.startsWith('Lanificio'))!;
        const demoAgenda = await gql<{ matchmakingAgenda: { items: { meeting: { startsAt: string | null } }[] } }>(second.url, 'query($p: ID!) { matchmakingAgenda(participantId: $p) { items { meeting { startsAt } } } }', { p: lanificioParticipation.id }, marco.data!.login.accessToken);
        expect(demoAgenda.data?.matchmakingAgenda.items.length).toBe(3);
        expect(demoAgenda.data?.matchmakingAgenda.items.every((i) => i.meeting.startsAt !== null)).toBe(true);
        // And the demo canvas, decoded, with its circularity check.
        const network = await gql<{ networks: { nodes: { id: string; name: string }[] } }>(second.url, '{ networks(first: 10) { nodes { id name } } }', {}, marco.data!.login.accessToken);
        const networkId = network.data!.networks.nodes.find((n) => n.name.startsWith('Mediterranean'))!.id;
        const canvases = await gql<{ canvases: { nodes: { id: string; title: string; viewerRole: string }[] } }>(second.url, 'query($n: ID!) { canvases(networkId: $n) { nodes { id title viewerRole } } }', { n: networkId }, marco.data!.login.accessToken);
        expect(canvases.data?.canvases.nodes).toEqual([expect.objectContaining({ title: 'Wool loop Prato–Tunis', viewerRole: 'EDITOR' })]);
        const demoCanvas = await gql<{ canvas: { blocks: { cards: unknown[] }[]; circularity: { takeBackFilled: boolean } } }>(second.url, 'query($id: ID!) { canvas(canvasId: $id) { blocks { cards { id } } circularity { takeBackFilled } } }', { id: canvases.data!.canvases.nodes[0]!.id }, marco.data!.login.accessToken);
        expect(demoCanvas.data?.canvas.blocks.flatMap((b) => b.cards).length).toBeGreaterThan(5);
        expect(demoCanvas.data?.canvas.circularity.takeBackFilled).toBe(true);
        expect(await second.stop('SIGTERM')).toBe(0);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 240_000);
  });
});
