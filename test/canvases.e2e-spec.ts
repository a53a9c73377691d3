import * as Y from 'yjs';
import { CanvasBlock, ResolveLever } from '@app/contracts';
import { addCard, addFlow, readContent, updateCardText } from '@api/modules/canvases/document/index.js';
import { CanvasTestClient, Factory, errorCode, gql, graphqlWsClient, startTestHub, subscribe, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';

interface Actor {
  user: TestUser;
  org: TestOrganisation;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (what: string, check: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await sleep(25);
  }
};
const DOC = 'query($id: ID!) { canvas(canvasId: $id) { canvas { id title seq viewerRole } blocks { block cards { id text levers flows { material direction quantity unit } } } circularity { score leversCovered takeBackFilled openFlows { material } gaps } } }';

describe('canvases', () => {
  let hub: TestHub;
  let make: Factory;
  let owner: Actor, partner: Actor, outsider: Actor;
  let network: string;
  const clients: CanvasTestClient[] = [];

  const actor = async (name: string, country: string): Promise<Actor> => {
    const user = await make.user({ displayName: name });
    return { user, org: await make.organisation(user, { name, country }) };
  };
  const as = <T>(who: Actor, query: string, variables: Record<string, unknown> = {}) => gql<T>(hub.url, query, variables, who.user.accessToken);
  const open = async (who: Actor, canvasId: string, url = hub.url) => {
    const client = await CanvasTestClient.open(url, who.user.accessToken, canvasId);
    clients.push(client);
    return client;
  };
  const createCanvas = async (template = 'EMPTY') =>
    (await as<{ createCanvas: { id: string; viewerRole: string } }>(owner, 'mutation($i: CreateCanvasInput!) { createCanvas(input: $i) { id viewerRole } }', { i: { networkId: network, organisationId: owner.org.id, title: 'Wool loop', template } })).data!
      .createCanvas;

  beforeAll(async () => {
    hub = await startTestHub({ CANVAS_COMPACT_AFTER: '25' });
    make = new Factory(hub.url);
    owner = await actor('Lanificio (canvas)', 'IT');
    partner = await actor('Atelier (canvas)', 'TN');
    outsider = await actor('Outsider (canvas)', 'FR');
    const created = await as<{ createNetwork: { id: string } }>(owner, 'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }', {
      i: { organisationId: owner.org.id, kind: 'NETWORK', name: 'Canvas network', countries: ['IT', 'TN'], visibility: 'PUBLIC' },
    });
    network = created.data!.createNetwork.id;
    const request = await as<{ requestToJoinNetwork: { id: string } }>(partner, 'mutation($i: RequestToJoinInput!) { requestToJoinNetwork(input: $i) { id } }', { i: { networkId: network, organisationId: partner.org.id } });
    await as(owner, 'mutation($id: ID!) { decideNetworkJoinRequest(requestId: $id, approve: true) { id } }', { id: request.data!.requestToJoinNetwork.id });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => hub.close());

  it('lets two plain Yjs clients co-edit, converging, with every update stored before it is relayed', async () => {
    const canvas = await createCanvas();
    expect(canvas.viewerRole).toBe('EDITOR');
    const second = await make.user();
    await make.membership(owner.org, owner.user, second, 'MEMBER');
    const a = await open(owner, canvas.id);
    const b = await CanvasTestClient.open(hub.url, second.accessToken, canvas.id);
    clients.push(b);
    await Promise.all([a.synced, b.synced]);
    expect([a.role, b.role]).toEqual(['EDITOR', 'EDITOR']);

    addCard(a.doc, CanvasBlock.VALUE_PROPOSITIONS, { id: 'c1', text: 'Regenerated wool felt', authorId: owner.user.id, colour: '#d94f30', createdAt: Date.now(), levers: [ResolveLever.LOOP] });
    await until('b sees the card', () => readContent(b.doc).blocks.find((x) => x.block === CanvasBlock.VALUE_PROPOSITIONS)!.cards.length === 1);
    updateCardText(b.doc, CanvasBlock.VALUE_PROPOSITIONS, 'c1', 'Regenerated wool felt for Tunis rugs');
    addFlow(b.doc, CanvasBlock.VALUE_PROPOSITIONS, 'c1', { material: 'wool offcuts', direction: 'OUT', quantity: 2, unit: 't/month' });
    await until('a sees the edit', () => readContent(a.doc).blocks.find((x) => x.block === CanvasBlock.VALUE_PROPOSITIONS)!.cards[0]?.flows.length === 1);
    await Promise.all([a.settled(), b.settled()]);
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    expect(a.acked.length + b.acked.length).toBeGreaterThanOrEqual(2);

    // The stored document, read through GraphQL, is what the clients have.
    const read = await as<{ canvas: { canvas: { seq: number }; blocks: { block: string; cards: { text: string; flows: { material: string }[] }[] }[]; circularity: { openFlows: { material: string }[] } } }>(owner, DOC, { id: canvas.id });
    const value = read.data!.canvas.blocks.find((x) => x.block === 'VALUE_PROPOSITIONS')!;
    expect(value.cards).toEqual([expect.objectContaining({ text: 'Regenerated wool felt for Tunis rugs', flows: [expect.objectContaining({ material: 'wool offcuts' })] })]);
    expect(read.data!.canvas.circularity.openFlows.map((f) => f.material)).toEqual(['wool offcuts']);
    expect(read.data!.canvas.canvas.seq).toBe(Math.max(...a.acked, ...b.acked));

    // A late joiner gets everything through the sync.
    const c = await open(owner, canvas.id);
    await c.synced;
    expect(readContent(c.doc)).toEqual(readContent(a.doc));
  });

  it('links a material flow to a symbiosis listing: the link is stored and canvas(canvasId:) returns it', async () => {
    const canvas = await createCanvas();
    const posted = await as<{ postSymbiosisListing: { id: string } }>(owner, 'mutation($i: PostListingInput!) { postSymbiosisListing(input: $i) { id } }', {
      i: { organisationId: owner.org.id, kind: 'OFFER', title: 'Wool offcuts', description: 'Clean offcuts, sorted by colour.', language: 'en', material: 'TEXTILE_WOOL', ewcCode: '04 02 21', quantity: 2, unit: 'TONNE', availableFrom: new Date(Date.now() + 60_000).toISOString(), networkIds: [network], city: 'Prato', country: 'IT' },
    });
    expect(posted.errors).toBeUndefined();
    const listingId = posted.data!.postSymbiosisListing.id;
    const a = await open(owner, canvas.id);
    await a.synced;
    addCard(a.doc, CanvasBlock.KEY_RESOURCES, { id: 'r1', text: 'Wool from Prato mills', authorId: owner.user.id, colour: '#a1b2c3', createdAt: Date.now() });
    addFlow(a.doc, CanvasBlock.KEY_RESOURCES, 'r1', { material: 'wool offcuts', direction: 'IN', quantity: 2, unit: 't/month', listingId });
    addFlow(a.doc, CanvasBlock.KEY_RESOURCES, 'r1', { material: 'cotton', direction: 'IN', quantity: 1, unit: 't/month' });
    await a.settled();

    const read = await as<{ canvas: { blocks: { block: string; cards: { flows: { material: string; listingId: string | null }[] }[] }[] } }>(owner, 'query($id: ID!) { canvas(canvasId: $id) { blocks { block cards { flows { material listingId } } } } }', { id: canvas.id });
    expect(read.errors).toBeUndefined();
    const resources = read.data!.canvas.blocks.find((b) => b.block === 'KEY_RESOURCES')!;
    expect(resources.cards[0]!.flows).toEqual([
      { material: 'wool offcuts', listingId },
      { material: 'cotton', listingId: null },
    ]);
  });

  it('shows who is there (awareness) and drops them when they leave', async () => {
    const canvas = await createCanvas();
    const a = await open(owner, canvas.id);
    const b = await open(partner, canvas.id);
    await Promise.all([a.synced, b.synced]);
    a.awareness.setLocalStateField('user', { name: 'Giulia', colour: '#d94f30', editingCard: 'c7' });
    await until('b sees a', () => [...b.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === 'Giulia'));
    a.close();
    await until('b sees a leave', () => ![...b.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === 'Giulia'));
  });

  it('relays to viewers but refuses their updates, and refuses malformed or oversized ones, storing nothing', async () => {
    const canvas = await createCanvas();
    const editor = await open(owner, canvas.id);
    const viewer = await open(partner, canvas.id);
    await Promise.all([editor.synced, viewer.synced]);
    expect(viewer.role).toBe('VIEWER');
    editor.doc.getText('text').insert(0, 'hello');
    await until('viewer receives', () => viewer.text() === 'hello');
    viewer.doc.getText('text').insert(0, 'sneaky ');
    await viewer.settled();
    expect(viewer.refusals).toContain('FORBIDDEN');

    const garbage = [new Uint8Array([0, 2, 5, 1, 2, 3]), new Uint8Array([0, 2, 200, 200, 200, 200, 200]), new Uint8Array([7, 1, 1]), new Uint8Array([]), 'not bytes', { evil: true }];
    for (const data of garbage) {
      const answer = await editor.request(data);
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    }
    const big = new Uint8Array(300_000);
    expect(await editor.request(big)).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(editor.socket.connected).toBe(true);
    const stored = await as<{ canvas: { canvas: { seq: number } } }>(owner, DOC, { id: canvas.id });
    expect(stored.data!.canvas.canvas.seq).toBe(editor.acked.length);
    const fresh = await open(owner, canvas.id);
    await fresh.synced;
    expect(fresh.text()).toBe('hello');
  });

  it('is visible to network members only; grants, revocations and archiving take effect, also mid-session', async () => {
    const canvas = await createCanvas();
    expect(errorCode(await as(outsider, DOC, { id: canvas.id }))).toBe('NOT_FOUND');
    const stranger = await CanvasTestClient.open(hub.url, outsider.user.accessToken, canvas.id).catch((e: Error) => e);
    expect(stranger).toBeInstanceOf(CanvasTestClient);
    clients.push(stranger as CanvasTestClient);
    expect((stranger as CanvasTestClient).role).toBeNull();

    // The partner is a viewer until given EDITOR, then a viewer again; the open connection follows.
    expect(errorCode(await as(partner, 'mutation($i: CanvasGrantInput!) { setCanvasAccess(input: $i) { role } }', { i: { canvasId: canvas.id, organisationId: partner.org.id, role: 'EDITOR' } }))).toBe('FORBIDDEN');
    await as(owner, 'mutation($i: CanvasGrantInput!) { setCanvasAccess(input: $i) { role } }', { i: { canvasId: canvas.id, organisationId: partner.org.id, role: 'EDITOR' } });
    const p = await open(partner, canvas.id);
    await p.synced;
    expect(p.role).toBe('EDITOR');
    p.doc.getText('text').insert(0, 'granted');
    await p.settled();
    expect(p.acked.length).toBe(1);
    await as(owner, 'mutation($i: CanvasGrantInput!) { setCanvasAccess(input: $i) { role } }', { i: { canvasId: canvas.id, userId: outsider.user.id, role: 'VIEWER' } });
    await as(owner, 'mutation($i: CanvasGrantInput!) { setCanvasAccess(input: $i) { role } }', { i: { canvasId: canvas.id, organisationId: partner.org.id, role: null } });
    await until('the partner is a viewer again', () => p.role === 'VIEWER', 20_000);
    p.doc.getText('text').insert(0, 'late ');
    await p.settled();
    expect(p.refusals).toContain('FORBIDDEN');
    expect((await as<{ canvas: { canvas: { viewerRole: string } } }>(outsider, DOC, { id: canvas.id })).data?.canvas.canvas.viewerRole).toBe('VIEWER');

    await as(owner, 'mutation($id: ID!) { archiveCanvas(canvasId: $id) { archivedAt } }', { id: canvas.id });
    expect(errorCode(await as(owner, 'mutation($id: ID!) { createCanvasVersion(canvasId: $id, name: "x") { id } }', { id: canvas.id }))).toBe('CONFLICT');
  }, 40_000);

  it('names versions, restores one as a change everybody converges to, and lists who changed what', async () => {
    const canvas = await createCanvas('TEXTILE_TAKE_BACK');
    const a = await open(owner, canvas.id);
    const b = await open(owner, canvas.id);
    await Promise.all([a.synced, b.synced]);
    const before = readContent(a.doc);
    expect(before.blocks.find((x) => x.block === 'TAKE_BACK_SYSTEM')!.cards.length).toBeGreaterThan(0);
    const version = await as<{ createCanvasVersion: { id: string; name: string } }>(owner, 'mutation($id: ID!) { createCanvasVersion(canvasId: $id, name: "after Tunis workshop") { id name seq } }', { id: canvas.id });
    addCard(a.doc, CanvasBlock.CHANNELS, { id: 'new', text: 'A shop in the Medina', authorId: owner.user.id, colour: '#3a7bd5', createdAt: Date.now() });
    await a.settled();
    await until('b has the new card', () => readContent(b.doc).blocks.find((x) => x.block === 'CHANNELS')!.cards.some((c) => c.id === 'new'));
    const restored = await as<{ restoreCanvasVersion: number }>(owner, 'mutation($v: ID!) { restoreCanvasVersion(versionId: $v) }', { v: version.data!.createCanvasVersion.id });
    expect(restored.data?.restoreCanvasVersion).toBeGreaterThan(0);
    await until('both back to the version', () => JSON.stringify(readContent(a.doc)) === JSON.stringify(before) && JSON.stringify(readContent(b.doc)) === JSON.stringify(before));
    const versions = await as<{ canvasVersions: { name: string }[] }>(owner, 'query($id: ID!) { canvasVersions(canvasId: $id) { name seq createdAt } }', { id: canvas.id });
    expect(versions.data?.canvasVersions.map((v) => v.name)).toEqual(['after Tunis workshop']);
    const history = await as<{ canvasHistory: { userId: string; blocks: string[]; updates: number }[] }>(owner, 'query($id: ID!) { canvasHistory(canvasId: $id) { userId blocks updates from to } }', { id: canvas.id });
    expect(history.data?.canvasHistory.length).toBeGreaterThan(0);
    expect(history.data?.canvasHistory.flatMap((h) => h.blocks)).toContain('CHANNELS');
    expect(history.data?.canvasHistory.every((h) => h.userId === owner.user.id)).toBe(true);

    const md = await as<{ exportCanvas: string }>(owner, 'query($id: ID!) { exportCanvas(canvasId: $id, format: MARKDOWN) }', { id: canvas.id });
    expect(md.data?.exportCanvas).toContain('# Wool loop');
    const json = JSON.parse((await as<{ exportCanvas: string }>(owner, 'query($id: ID!) { exportCanvas(canvasId: $id, format: JSON) }', { id: canvas.id })).data!.exportCanvas);
    expect(json.format).toBe('innomed-canvas/1');
  });

  it('compacts the log into snapshots without changing the document, and keeps the history', async () => {
    const canvas = await createCanvas();
    const a = await open(owner, canvas.id);
    await a.synced;
    for (let i = 0; i < 60; i += 1) {
      a.doc.getText('text').insert(a.doc.getText('text').length, `${i},`);
      await a.settled();
    }
    await sleep(500);
    const fresh = await open(partner, canvas.id);
    await fresh.synced;
    expect(fresh.text()).toBe(a.text());
    const history = await as<{ canvasHistory: { updates: number }[] }>(owner, 'query($id: ID!) { canvasHistory(canvasId: $id) { updates } }', { id: canvas.id });
    expect(history.data?.canvasHistory.reduce((sum, h) => sum + h.updates, 0)).toBe(60);
  });

  it('words the circularity gaps as server text in the viewer’s language, the English list kept', async () => {
    const canvas = await createCanvas();
    const a = await open(owner, canvas.id);
    await a.synced;
    addCard(a.doc, CanvasBlock.KEY_ACTIVITIES, { id: 'k1', text: 'Felting', authorId: owner.user.id, colour: '#d94f30', createdAt: Date.now(), levers: [ResolveLever.LOOP, ResolveLever.REGENERATE, ResolveLever.SHARE, ResolveLever.OPTIMISE] });
    addFlow(a.doc, CanvasBlock.KEY_ACTIVITIES, 'k1', { material: 'felt', direction: 'OUT', quantity: 1.5, unit: 't/month' });
    await a.settled();
    const GAPS = 'query($id: ID!) { canvas(canvasId: $id) { circularity { gaps gapMessages { code params { name type values } text language } } } }';
    type Gaps = { canvas: { circularity: { gaps: string[]; gapMessages: { code: string; params: { name: string; type: string; values: string[] }[]; text: string; language: string }[] } } };
    const setLanguages = (languages: string[]) =>
      as(owner, 'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { preferredLanguages } }', { i: { preferredLanguages: languages } });

    await setLanguages(['de', 'fr-FR']);
    const french = (await as<Gaps>(owner, GAPS, { id: canvas.id })).data!.canvas.circularity;
    expect(french.gapMessages.map((g) => g.code)).toEqual(['CIRCULARITY_NO_TAKE_BACK', 'CIRCULARITY_OPEN_FLOWS', 'CIRCULARITY_NO_ADOPTION_FACTORS', 'CIRCULARITY_LEVERS_MISSING', 'CIRCULARITY_EMPTY_BLOCKS']);
    expect(french.gapMessages.every((g) => g.language === 'fr')).toBe(true);
    expect(french.gapMessages[1]).toMatchObject({ params: [{ name: 'materials', type: 'TEXT', values: ['felt (1.5 t/month)'] }, { name: 'count', type: 'COUNT', values: ['1'] }], text: 'Matière sortante sans retour : felt (1.5 t/month)' });
    expect(french.gapMessages[3]).toMatchObject({ params: [{ name: 'levers', type: 'RESOLVE_LEVER', values: ['VIRTUALISE', 'EXCHANGE'] }, { name: 'count', type: 'COUNT', values: ['2'] }], text: 'Leviers non couverts : Virtualiser et Échanger' });
    expect(french.gapMessages[4]!.text).toMatch(/^Blocs vides : Partenaires clés, Ressources clés, /);
    // The deprecated list stays English, gap for gap.
    expect(french.gaps).toHaveLength(french.gapMessages.length);
    expect(french.gaps[1]).toBe('Material leaving without a loop back: felt (1.5 t/month)');

    await setLanguages(['ar-TN']);
    const arabic = (await as<Gaps>(owner, GAPS, { id: canvas.id })).data!.canvas.circularity;
    expect(arabic.gapMessages[3]).toMatchObject({ language: 'ar', text: 'رافعتان غير مغطاتين: الرقمنة والاستبدال' });
    await setLanguages(['en']);
  });

  it('publishes the circularity check live as the canvas changes', async () => {
    const canvas = await createCanvas();
    const live = graphqlWsClient(hub.url, partner.user.accessToken);
    const checks = subscribe<{ canvasCircularityChanged: { report: { takeBackFilled: boolean; gaps: string[]; gapMessages: { code: string; language: string }[] } } }>(
      live,
      'subscription($id: ID!) { canvasCircularityChanged(canvasId: $id) { canvasId report { score takeBackFilled gaps gapMessages { code language } } } }',
      { id: canvas.id },
    );
    await sleep(300);
    const a = await open(owner, canvas.id);
    await a.synced;
    addCard(a.doc, CanvasBlock.TAKE_BACK_SYSTEM, { id: 'tb', text: 'Collection points at municipal recycling centres', authorId: owner.user.id, colour: '#2e8b57', createdAt: Date.now() });
    const next = await checks.next();
    expect(next.data?.canvasCircularityChanged.report.takeBackFilled).toBe(true);
    expect(next.data?.canvasCircularityChanged.report.gapMessages.map((g) => g.code)).not.toContain('CIRCULARITY_NO_TAKE_BACK');
    expect(next.data?.canvasCircularityChanged.report.gapMessages[0]?.language).toBe('en');
    checks.dispose();
    await live.dispose();
  });
});

describe('canvas update rate limit', () => {
  let hub: TestHub;
  let client: CanvasTestClient | undefined;
  afterAll(async () => {
    client?.close();
    await hub?.close();
  });

  it('refuses updates past the per-connection rate with RATE_LIMITED, then asks the client to sync so nothing is lost', async () => {
    hub = await startTestHub({ CANVAS_UPDATES_PER_SECOND: '2' });
    const make = new Factory(hub.url);
    const user = await make.user();
    const org = await make.organisation(user);
    const network = await gql<{ createNetwork: { id: string } }>(hub.url, 'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }', { i: { organisationId: org.id, kind: 'NETWORK', name: 'Rate network', countries: ['IT'], visibility: 'PUBLIC' } }, user.accessToken);
    const canvas = await gql<{ createCanvas: { id: string } }>(hub.url, 'mutation($i: CreateCanvasInput!) { createCanvas(input: $i) { id } }', { i: { networkId: network.data!.createNetwork.id, organisationId: org.id, title: 'Rate' } }, user.accessToken);
    client = await CanvasTestClient.open(hub.url, user.accessToken, canvas.data!.createCanvas.id);
    await client.synced;
    for (let i = 0; i < 10; i += 1) client.doc.getText('text').insert(0, 'x');
    await client.settled();
    expect(client.refusals).toContain('RATE_LIMITED');
    const stored = await gql<{ canvas: { canvas: { seq: number } } }>(hub.url, 'query($id: ID!) { canvas(canvasId: $id) { canvas { seq } } }', { id: canvas.data!.createCanvas.id }, user.accessToken);
    expect(stored.data?.canvas.canvas.seq).toBe(client.acked.length);
    // The hub then sends its sync step 1; the client's step 2 carries the refused edits, which are stored.
    const canvasId = canvas.data!.createCanvas.id;
    const read = async () => (await gql<{ canvas: { canvas: { seq: number } } }>(hub.url, 'query($id: ID!) { canvas(canvasId: $id) { canvas { seq } } }', { id: canvasId }, user.accessToken)).data!.canvas.canvas.seq;
    const deadline = Date.now() + 10_000;
    while ((await read()) === stored.data?.canvas.canvas.seq && Date.now() < deadline) await sleep(200);
    const fresh = await CanvasTestClient.open(hub.url, user.accessToken, canvasId);
    await fresh.synced;
    expect(fresh.text()).toBe('x'.repeat(10));
    fresh.close();
  });
});
