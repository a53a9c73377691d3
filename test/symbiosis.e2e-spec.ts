import { DemoSymbiosisSeeder, DEMO_LISTINGS } from '@api/modules/demo/demo-symbiosis.seeder.js';
import type { DemoOrganisationKey } from '@api/modules/demo/demo-data.js';
import { ListingsService } from '@api/modules/symbiosis/listings.service.js';
import { symbiosisMatchesTopic } from '@api/modules/symbiosis/symbiosis.topics.js';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { Factory, errorCode, gql, graphqlWsClient, startTestHub, subscribe, untilSubscribed, type GraphQLResult, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';

const CREATE_NETWORK = `mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`;
const REQUEST = `mutation($i: RequestToJoinInput!) { requestToJoinNetwork(input: $i) { id } }`;
const DECIDE = `mutation($id: ID!) { decideNetworkJoinRequest(requestId: $id, approve: true) { id } }`;
const LISTING_FIELDS = `id kind status title language material family hazardous quantity reservedQuantity unit frequency country networkIds viewerCanEdit distanceKm ewc { code formatted hazardous } organisation { id }`;
const POST = `mutation($i: PostListingInput!) { postSymbiosisListing(input: $i) { ${LISTING_FIELDS} } }`;
const MOVE = `mutation($id: ID!, $to: SymbiosisListingStatus!) { moveSymbiosisListing(listingId: $id, to: $to) { id status } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateListingInput!) { updateSymbiosisListing(listingId: $id, input: $i) { id title } }`;
const ONE = `query($id: ID!) { symbiosisListing(listingId: $id) { ${LISTING_FIELDS} } }`;
const LIST = `query($f: ListingFilter, $first: Int) { symbiosisListings(filter: $f, first: $first) { nodes { id title distanceKm } pageInfo { hasNextPage } } }`;
const CANDIDATES = `query($id: ID!) { symbiosisCandidates(listingId: $id) { score distanceKm reasons { code points detail }
  listing { id title language organisation { id } }
  shipment { originCountry destinationCountry hazardous wasteList greenListEntry outcome ruleId summary checkRequired disclaimer sources { title url } } } }`;
const PROPOSE = `mutation($i: ProposeExchangeInput!) { proposeSymbiosisExchange(input: $i) { id status quantity unit fromOrganisation { id } } }`;
const DECIDE_PROPOSAL = `mutation($id: ID!, $accept: Boolean!) { decideSymbiosisProposal(proposalId: $id, accept: $accept) { id status } }`;
const START = `mutation($l: ID!, $o: ID!) { startSymbiosisConversation(listingId: $l, organisationId: $o) { id kind title } }`;
const SEND = `mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { seq body } }`;
const HISTORY = `query($c: ID!) { chatMessages(channelId: $c) { messages { body authorId } } }`;
const COMPLETE = `mutation($i: CompleteExchangeInput!) { completeSymbiosisExchange(input: $i) { id status exchangedQuantity exchangedTonnes divertedTonnes co2eAvoidedTonnes } }`;

interface Actor {
  user: TestUser;
  org: TestOrganisation;
}
interface Listing {
  id: string;
  status: string;
  hazardous: boolean;
  networkIds: string[];
  ewc: { code: string; formatted: string; hazardous: boolean } | null;
}

const PRATO = { city: 'Prato', country: 'IT', latitude: 43.8777, longitude: 11.1022 };
const TUNIS = { city: 'Tunis', country: 'TN', latitude: 36.8065, longitude: 10.1815 };
const soon = () => new Date(Date.now() + 60_000).toISOString();
const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const fields = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.fields;

describe('symbiosis exchange', () => {
  let hub: TestHub;
  let make: Factory;
  let admin: Actor, prato: Actor, tunis: Actor, outsider: Actor;
  let network: string, privateNetwork: string;

  const actor = async (country: string): Promise<Actor> => {
    const user = await make.user();
    return { user, org: await make.organisation(user, { country }) };
  };
  const joinNetwork = async (networkId: string, who: Actor) => {
    const req = await gql<{ requestToJoinNetwork: { id: string } }>(hub.url, REQUEST, { i: { networkId, organisationId: who.org.id } }, who.user.accessToken);
    await gql(hub.url, DECIDE, { id: req.data!.requestToJoinNetwork.id }, admin.user.accessToken);
  };
  const input = (who: Actor, overrides: Record<string, unknown>) => ({
    organisationId: who.org.id,
    kind: 'OFFER',
    title: 'Wool offcuts from carding',
    description: 'Clean offcuts, sorted by colour.',
    language: 'en',
    material: 'TEXTILE_WOOL',
    ewcCode: '04 02 21',
    quantity: 2,
    unit: 'TONNE',
    availableFrom: soon(),
    networkIds: [network],
    ...PRATO,
    ...overrides,
  });
  const postListing = async (who: Actor, overrides: Record<string, unknown> = {}): Promise<Listing> => {
    const result = await gql<{ postSymbiosisListing: Listing }>(hub.url, POST, { i: input(who, overrides) }, who.user.accessToken);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.postSymbiosisListing;
  };
  const activate = async (who: Actor, id: string) => {
    const moved = await gql(hub.url, MOVE, { id, to: 'ACTIVE' }, who.user.accessToken);
    if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  };

  beforeAll(async () => {
    hub = await startTestHub();
    make = new Factory(hub.url);
    admin = await actor('GR');
    prato = await actor('IT');
    tunis = await actor('TN');
    outsider = await actor('JO');
    const created = await gql<{ createNetwork: { id: string } }>(hub.url, CREATE_NETWORK, { i: { organisationId: admin.org.id, kind: 'NETWORK', name: 'Symbiosis test network', countries: ['IT', 'TN', 'GR'], visibility: 'PUBLIC' } }, admin.user.accessToken);
    network = created.data!.createNetwork.id;
    const priv = await gql<{ createNetwork: { id: string } }>(hub.url, CREATE_NETWORK, { i: { organisationId: admin.org.id, kind: 'CLUSTER', name: 'Private symbiosis cluster', countries: ['IT'], visibility: 'PRIVATE' } }, admin.user.accessToken);
    privateNetwork = priv.data!.createNetwork.id;
    await joinNetwork(network, prato);
    await joinNetwork(network, tunis);
    const invited = await gql<{ inviteOrganisationToNetwork: { id: string } }>(
      hub.url,
      'mutation($i: InviteOrganisationInput!) { inviteOrganisationToNetwork(input: $i) { id } }',
      { i: { networkId: privateNetwork, organisationId: prato.org.id } },
      admin.user.accessToken,
    );
    await gql(hub.url, DECIDE, { id: invited.data!.inviteOrganisationToNetwork.id }, prato.user.accessToken);
  });
  afterAll(() => hub.close());

  it('validates listings against the data and names the field of every refusal', async () => {
    const bad = async (overrides: Record<string, unknown>) => gql(hub.url, POST, { i: input(prato, overrides) }, prato.user.accessToken);
    const cases: [Record<string, unknown>, string][] = [
      [{ ewcCode: '999999' }, 'i.ewcCode'],
      [{ ewcCode: '04-02' }, 'i.ewcCode'],
      [{ unit: 'LITRE' }, 'i.unit'],
      [{ quantity: -3 }, 'i.quantity'],
      [{ quantity: 0 }, 'i.quantity'],
      [{ quantity: 5_000_000 }, 'i.quantity'],
      [{ availableFrom: later(10), availableUntil: later(5) }, 'i.availableUntil'],
      [{ availableFrom: 'yesterday' }, 'i.availableFrom'],
      [{ availableFrom: later(2000) }, 'i.availableFrom'],
      [{ material: 'UNOBTAINIUM' }, 'i.material'],
      [{ language: 'de' }, 'i.language'],
      [{ latitude: 43.8, longitude: undefined }, 'i.longitude'],
    ];
    for (const [overrides, field] of cases) {
      const result = await bad(overrides);
      expect({ overrides, code: errorCode(result) }).toEqual({ overrides, code: 'BAD_USER_INPUT' });
      // Service checks name `input.x`, the variables' coercion names the variable path `i.x`.
      expect(fields(result)?.map((f) => f.replace(/^input\./, 'i.'))).toEqual([field]);
    }
    const ok = await postListing(prato, { ewcCode: '04 02 22' });
    expect(ok).toMatchObject({ status: 'DRAFT', hazardous: false, ewc: { code: '040222', formatted: '04 02 22', hazardous: false } });
    const hazardous = await postListing(prato, { ewcCode: '040216', material: 'TEXTILE_SYNTHETIC_BLEND', title: 'Leftover dyestuffs' });
    expect(hazardous).toMatchObject({ hazardous: true, ewc: { formatted: '04 02 16*' } });
  });

  it('keeps private-network listings and drafts from outsiders and lets only the posting organisation edit', async () => {
    const secret = await postListing(prato, { networkIds: [privateNetwork], title: 'Cluster-only cotton' });
    await activate(prato, secret.id);
    expect(errorCode(await gql(hub.url, ONE, { id: secret.id }, tunis.user.accessToken))).toBe('NOT_FOUND');
    expect(errorCode(await gql(hub.url, ONE, { id: secret.id }, outsider.user.accessToken))).toBe('NOT_FOUND');
    expect(errorCode(await gql(hub.url, UPDATE, { id: secret.id, i: { title: 'Taken over' } }, tunis.user.accessToken))).toBe('NOT_FOUND');
    const listed = await gql<{ symbiosisListings: { nodes: { id: string }[] } }>(hub.url, LIST, { f: { organisationId: prato.org.id }, first: 100 }, tunis.user.accessToken);
    expect(listed.data!.symbiosisListings.nodes.map((n) => n.id)).not.toContain(secret.id);

    const draft = await postListing(prato, { title: 'Draft wool lot' });
    expect(errorCode(await gql(hub.url, ONE, { id: draft.id }, tunis.user.accessToken))).toBe('NOT_FOUND');
    await activate(prato, draft.id);
    const seen = await gql<{ symbiosisListing: Listing & { viewerCanEdit: boolean } }>(hub.url, ONE, { id: draft.id }, outsider.user.accessToken);
    expect(seen.data?.symbiosisListing).toMatchObject({ status: 'ACTIVE', viewerCanEdit: false });
    expect(errorCode(await gql(hub.url, UPDATE, { id: draft.id, i: { title: 'Taken over' } }, outsider.user.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, MOVE, { id: draft.id, to: 'WITHDRAWN' }, tunis.user.accessToken))).toBe('FORBIDDEN');
    expect((await gql<{ updateSymbiosisListing: { title: string } }>(hub.url, UPDATE, { id: draft.id, i: { title: 'Wool lot, carded' } }, prato.user.accessToken)).data?.updateSymbiosisListing.title).toBe('Wool lot, carded');
    // Required fields cannot be cleared with an explicit null; optional ones can.
    expect(fields(await gql(hub.url, UPDATE, { id: draft.id, i: { title: null } }, prato.user.accessToken))).toEqual(['input.title']);
    expect(fields(await gql(hub.url, UPDATE, { id: draft.id, i: { quantity: null } }, prato.user.accessToken))).toEqual(['input.quantity']);
    expect(fields(await gql(hub.url, UPDATE, { id: draft.id, i: { availableFrom: later(3), availableUntil: later(1) } }, prato.user.accessToken))).toEqual(['input.availableUntil']);
    expect((await gql(hub.url, UPDATE, { id: draft.id, i: { ewcCode: null, dataSheetUrl: null } }, prato.user.accessToken)).errors).toBeUndefined();
    // Posting to a network the organisation does not belong to, or one the user cannot see.
    expect(errorCode(await gql(hub.url, POST, { i: input(tunis, { networkIds: [privateNetwork], ...TUNIS }) }, tunis.user.accessToken))).toBe('NOT_FOUND');
    expect(errorCode(await gql(hub.url, POST, { i: input(outsider, { networkIds: [network] }) }, outsider.user.accessToken))).toBe('FORBIDDEN');
    // Lifecycle moves outside the table are refused with the allowed ones named.
    await gql(hub.url, MOVE, { id: draft.id, to: 'WITHDRAWN' }, prato.user.accessToken);
    const refused = await gql(hub.url, MOVE, { id: draft.id, to: 'ACTIVE' }, prato.user.accessToken);
    expect(errorCode(refused)).toBe('CONFLICT');
  });

  it('matches an Arabic WANT with an Italian OFFER of the same material, live and as a notification', async () => {
    const client = graphqlWsClient(hub.url, prato.user.accessToken);
    const sub = subscribe<{ symbiosisMatchFound: { offerId: string; wantId: string; score: number; reasons: { code: string }[] } }>(
      client,
      'subscription($org: ID!) { symbiosisMatchFound(organisationId: $org) { offerId wantId score reasons { code } } }',
      { org: prato.org.id },
    );
    // graphql-ws acknowledges no single subscription: wait until the hub holds it.
    await untilSubscribed(hub, symbiosisMatchesTopic(prato.org.id));
    const offer = await postListing(prato, { title: 'Ritagli di lana cardata', description: 'Ritagli puliti di lana, divisi per colore.', language: 'it', material: 'TEXTILE_OFFCUTS', ewcCode: '040222', radiusKm: 100 });
    await activate(prato, offer.id);
    const want = await postListing(tunis, {
      kind: 'WANT',
      title: 'نبحث عن قصاصات صوف',
      description: 'ورشة جلود وتصميم في المدينة العتيقة تحتاج إلى قصاصات الصوف لصنع اللباد.',
      language: 'ar',
      material: 'TEXTILE_OFFCUTS',
      ewcCode: '040222',
      quantity: 1500,
      unit: 'KG',
      ...TUNIS,
    });
    await activate(tunis, want.id);

    const live = await sub.next(10_000);
    expect(live.data?.symbiosisMatchFound).toMatchObject({ offerId: offer.id, wantId: want.id });
    expect(live.data!.symbiosisMatchFound.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['SAME_MATERIAL', 'SAME_EWC_CODE', 'QUANTITY_FIT', 'DATES_OVERLAP', 'SHARED_NETWORK', 'SHARED_LANGUAGE']));
    sub.dispose();
    await client.dispose();

    // The live push goes out before the notifications are stored: wait for the stored one to appear.
    const expected = { kind: 'SYMBIOSIS_MATCH', listingId: offer.id, counterListingId: want.id };
    let nodes: { kind: string; listingId: string | null; counterListingId: string | null }[] = [];
    for (let attempt = 0; attempt < 200; attempt++) {
      const notified = await gql<{ notifications: { nodes: typeof nodes } }>(hub.url, 'query { notifications(first: 5) { nodes { kind listingId counterListingId } } }', {}, prato.user.accessToken);
      nodes = notified.data?.notifications.nodes ?? [];
      if (nodes.some((n) => n.kind === expected.kind && n.listingId === expected.listingId)) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(nodes).toContainEqual(expected);

    const candidates = await gql<{ symbiosisCandidates: { score: number; distanceKm: number; reasons: { code: string; detail: string }[]; listing: { id: string; language: string }; shipment: { outcome: string; checkRequired: boolean; greenListEntry: string | null } }[] }>(
      hub.url,
      CANDIDATES,
      { id: want.id },
      tunis.user.accessToken,
    );
    const found = candidates.data!.symbiosisCandidates.find((c) => c.listing.id === offer.id)!;
    expect(found.listing.language).toBe('it');
    expect(found.reasons[0]).toEqual({ code: 'SAME_MATERIAL', points: 45, detail: 'TEXTILE_OFFCUTS' });
    expect(found.distanceKm).toBeGreaterThan(700);
    expect(found.shipment).toMatchObject({ outcome: 'DESTINATION_REGIME_DECIDES', checkRequired: true, greenListEntry: 'B3030' });
    // Candidates are for the posting organisation only.
    expect(errorCode(await gql(hub.url, CANDIDATES, { id: want.id }, prato.user.accessToken))).toBe('FORBIDDEN');

    const digest = await gql<{ symbiosisMatchDigest: { nodes: { offerId: string; wantId: string }[] } }>(
      hub.url,
      'query($org: ID!) { symbiosisMatchDigest(organisationId: $org, first: 10) { nodes { offerId wantId } } }',
      { org: tunis.org.id },
      tunis.user.accessToken,
    );
    expect(digest.data?.symbiosisMatchDigest.nodes).toContainEqual({ offerId: offer.id, wantId: want.id });

    // Searching in Arabic for wool finds the Italian offer: the material's names are indexed in every language.
    const search = await gql<{ symbiosisListings: { nodes: { id: string }[] } }>(hub.url, LIST, { f: { search: 'قصاصات قماش', kind: 'OFFER' }, first: 50 }, tunis.user.accessToken);
    expect(search.data?.symbiosisListings.nodes.map((n) => n.id)).toContain(offer.id);
  });

  it('says a hazardous shipment from Italy to Tunisia is prohibited, with its source and a check flag', async () => {
    const offer = await postListing(prato, { title: 'Dyestuffs with hazardous substances', material: 'TEXTILE_SYNTHETIC_BLEND', ewcCode: '04 02 16*', quantity: 300, unit: 'KG' });
    await activate(prato, offer.id);
    const want = await postListing(tunis, { kind: 'WANT', title: 'Mélanges synthétiques pour rembourrage', language: 'fr', material: 'TEXTILE_SYNTHETIC_BLEND', ewcCode: null, quantity: 200, unit: 'KG', ...TUNIS });
    await activate(tunis, want.id);
    const result = await gql<{ symbiosisCandidates: { listing: { id: string }; shipment: Record<string, unknown> & { sources: { url: string }[] } }[] }>(hub.url, CANDIDATES, { id: want.id }, tunis.user.accessToken);
    const shipment = result.data!.symbiosisCandidates.find((c) => c.listing.id === offer.id)!.shipment;
    expect(shipment).toMatchObject({ originCountry: 'IT', destinationCountry: 'TN', hazardous: true, wasteList: 'AMBER', outcome: 'PROHIBITED', checkRequired: true, ruleId: 'EU_HAZARDOUS_TO_NON_OECD_2024' });
    expect(shipment.sources.map((s) => s.url)).toContain('https://eur-lex.europa.eu/eli/reg/2024/1157/oj');
    expect(shipment.disclaimer).toMatch(/not a legal verdict/);
  });

  it('filters by kind, material, chapter, hazard, country, distance and quantity', async () => {
    const list = async (f: Record<string, unknown>) =>
      (await gql<{ symbiosisListings: { nodes: { id: string; distanceKm: number | null }[] } }>(hub.url, LIST, { f: { organisationId: prato.org.id, ...f }, first: 100 }, prato.user.accessToken)).data!.symbiosisListings.nodes;
    const glass = await postListing(prato, { title: 'Broken glass cullet', material: 'GLASS_CULLET', ewcCode: '200102', quantity: 40, unit: 'TONNE' });
    await activate(prato, glass.id);
    expect((await list({ material: 'GLASS_CULLET' })).map((n) => n.id)).toEqual([glass.id]);
    expect((await list({ family: 'GLASS', ewcChapter: '20', hazardous: false })).map((n) => n.id)).toEqual([glass.id]);
    expect((await list({ hazardous: true })).map((n) => n.id)).not.toContain(glass.id);
    expect((await list({ unit: 'TONNE', quantityMin: 30, quantityMax: 50 })).map((n) => n.id)).toEqual([glass.id]);
    const near = await list({ material: 'GLASS_CULLET', near: { latitude: 43.7696, longitude: 11.2558, radiusKm: 50 } });
    expect(near[0]?.distanceKm).toBeGreaterThan(10);
    expect(near[0]?.distanceKm).toBeLessThan(25);
    expect(await list({ material: 'GLASS_CULLET', near: { latitude: TUNIS.latitude, longitude: TUNIS.longitude, radiusKm: 100 } })).toEqual([]);
    expect(await list({ material: 'GLASS_CULLET', country: 'TN' })).toEqual([]);
    expect(errorCode(await gql(hub.url, LIST, { f: { ewcChapter: '4' } }, prato.user.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(hub.url, LIST, { f: { quantityMin: 5, quantityMax: 1 } }, prato.user.accessToken))).toBe('BAD_USER_INPUT');
  });

  it('takes a proposal to an exchange: accepted reserves, completion records quantity and impact', async () => {
    const offer = await postListing(prato, { title: 'Wool for regeneration', quantity: 2, unit: 'TONNE' });
    await activate(prato, offer.id);
    const propose = (quantity: number, who = tunis) => gql<{ proposeSymbiosisExchange: { id: string; status: string } }>(hub.url, PROPOSE, { i: { listingId: offer.id, organisationId: who.org.id, quantity, proposedDate: later(7), terms: 'Pick-up in Prato' } }, who.user.accessToken);

    expect(fields(await propose(3))).toEqual(['input.quantity']);
    expect(errorCode(await propose(1, prato))).toBe('BAD_USER_INPUT');
    const declined = (await propose(1)).data!.proposeSymbiosisExchange;
    expect((await gql<{ decideSymbiosisProposal: { status: string } }>(hub.url, DECIDE_PROPOSAL, { id: declined.id, accept: false }, prato.user.accessToken)).data?.decideSymbiosisProposal.status).toBe('DECLINED');

    const proposal = (await propose(1.5)).data!.proposeSymbiosisExchange;
    expect(errorCode(await gql(hub.url, DECIDE_PROPOSAL, { id: proposal.id, accept: true }, tunis.user.accessToken))).toBe('FORBIDDEN');
    expect((await gql<{ decideSymbiosisProposal: { status: string } }>(hub.url, DECIDE_PROPOSAL, { id: proposal.id, accept: true }, prato.user.accessToken)).data?.decideSymbiosisProposal.status).toBe('ACCEPTED');
    const reserved = await gql<{ symbiosisListing: { status: string; reservedQuantity: number } }>(hub.url, ONE, { id: offer.id }, tunis.user.accessToken);
    expect(reserved.data?.symbiosisListing).toMatchObject({ status: 'RESERVED', reservedQuantity: 1.5 });
    // Only 0.5 t is left to propose on.
    expect(fields(await propose(1))).toEqual(['input.quantity']);
    expect(errorCode(await gql(hub.url, DECIDE_PROPOSAL, { id: proposal.id, accept: true }, prato.user.accessToken))).toBe('CONFLICT');
    const second = (await propose(0.5)).data!.proposeSymbiosisExchange;
    await gql(hub.url, DECIDE_PROPOSAL, { id: second.id, accept: true }, prato.user.accessToken);

    expect(fields(await gql(hub.url, COMPLETE, { i: { proposalId: proposal.id, quantity: 2 } }, tunis.user.accessToken))).toEqual(['input.quantity']);
    expect(errorCode(await gql(hub.url, COMPLETE, { i: { proposalId: proposal.id, quantity: 1 } }, outsider.user.accessToken))).toBe('FORBIDDEN');
    const done = await gql<{ completeSymbiosisExchange: Record<string, unknown> }>(hub.url, COMPLETE, { i: { proposalId: proposal.id, quantity: 1.4 } }, tunis.user.accessToken);
    // 1.4 t of textiles: 1.4 t diverted, 1.4 × 2.4 = 3.36 t CO2e avoided (data/impact-factors.data.ts).
    expect(done.data?.completeSymbiosisExchange).toEqual({ id: proposal.id, status: 'COMPLETED', exchangedQuantity: 1.4, exchangedTonnes: 1.4, divertedTonnes: 1.4, co2eAvoidedTonnes: 3.36 });
    // The second accepted proposal still holds 0.5 t: the listing stays RESERVED until it is completed too.
    const afterFirst = await gql<{ symbiosisListing: { status: string; reservedQuantity: number } }>(hub.url, ONE, { id: offer.id }, prato.user.accessToken);
    expect(afterFirst.data?.symbiosisListing).toMatchObject({ status: 'RESERVED', reservedQuantity: 0.5 });
    expect(errorCode(await gql(hub.url, COMPLETE, { i: { proposalId: proposal.id, quantity: 1 } }, tunis.user.accessToken))).toBe('CONFLICT');
    expect((await gql(hub.url, COMPLETE, { i: { proposalId: second.id, quantity: 0.5 } }, prato.user.accessToken)).errors).toBeUndefined();
    expect((await gql<{ symbiosisListing: { status: string } }>(hub.url, ONE, { id: offer.id }, prato.user.accessToken)).data?.symbiosisListing.status).toBe('EXCHANGED');

    const impact = await gql<{ symbiosisImpact: { exchanges: number; divertedTonnes: number; co2eAvoidedTonnes: number; factorSource: { url: string } } }>(
      hub.url,
      'query($n: ID!) { symbiosisImpact(networkId: $n) { exchanges divertedTonnes co2eAvoidedTonnes factorSource { url } } }',
      { n: network },
      outsider.user.accessToken,
    );
    // 1.4 t + 0.5 t: 1.9 t diverted, 3.36 + 1.2 = 4.56 t CO2e avoided.
    expect(impact.data?.symbiosisImpact).toMatchObject({ exchanges: 2, divertedTonnes: 1.9, co2eAvoidedTonnes: 4.56 });
    expect(errorCode(await gql(hub.url, 'query($n: ID!) { symbiosisImpact(networkId: $n) { exchanges } }', { n: privateNetwork }, outsider.user.accessToken))).toBe('NOT_FOUND');
  });

  it('starts one conversation per listing and organisation pair, for the members of both and nobody else', async () => {
    const offer = await postListing(prato, { title: 'Cotton offcuts to talk about' });
    await activate(prato, offer.id);
    const start = (who: TestUser, organisationId: string, listingId = offer.id) => gql<{ startSymbiosisConversation: { id: string; kind: string; title: string } }>(hub.url, START, { l: listingId, o: organisationId }, who.accessToken);
    const send = (who: TestUser, channelId: string, body: string) => gql<{ sendChatMessage: { seq: number } }>(hub.url, SEND, { i: { channelId, body, clientId: `c-${Math.random().toString(36).slice(2)}` } }, who.accessToken);
    const history = async (who: TestUser, channelId: string) => {
      const result = await gql<{ chatMessages: { messages: { body: string; authorId: string }[] } }>(hub.url, HISTORY, { c: channelId }, who.accessToken);
      return result.data ? result.data.chatMessages.messages.map((m) => m.body) : errorCode(result);
    };

    const opened = (await start(tunis.user, tunis.org.id)).data!.startSymbiosisConversation;
    expect(opened).toMatchObject({ kind: 'SYMBIOSIS', title: 'Cotton offcuts to talk about' });
    expect((await start(tunis.user, tunis.org.id)).data!.startSymbiosisConversation.id).toBe(opened.id);
    expect((await send(tunis.user, opened.id, 'Could you ship 500 kg a month?')).errors).toBeUndefined();
    expect((await send(prato.user, opened.id, 'Yes, from March.')).errors).toBeUndefined();
    expect(await history(prato.user, opened.id)).toEqual(['Could you ship 500 kg a month?', 'Yes, from March.']);
    expect(await history(tunis.user, opened.id)).toEqual(['Could you ship 500 kg a month?', 'Yes, from March.']);

    // Someone who joins the listing's organisation later is added when the conversation is opened again.
    const colleague = await make.user();
    await make.membership(prato.org, prato.user, colleague, 'MEMBER');
    expect(await history(colleague, opened.id)).toBe('NOT_FOUND');
    expect((await start(tunis.user, tunis.org.id)).data!.startSymbiosisConversation.id).toBe(opened.id);
    expect(await history(colleague, opened.id)).toEqual(['Could you ship 500 kg a month?', 'Yes, from March.']);

    // Outsiders: the channel does not exist for them, and they cannot act for an organisation not theirs.
    expect(await history(outsider.user, opened.id)).toBe('NOT_FOUND');
    expect(errorCode(await send(outsider.user, opened.id, 'hello'))).toBe('NOT_FOUND');
    expect(errorCode(await gql(hub.url, 'query($c: ID!) { chatChannel(channelId: $c) { id } }', { c: opened.id }, outsider.user.accessToken))).toBe('NOT_FOUND');
    expect(errorCode(await start(outsider.user, tunis.org.id))).toBe('FORBIDDEN');
    // A different organisation gets a conversation of its own.
    expect((await start(outsider.user, outsider.org.id)).data!.startSymbiosisConversation.id).not.toBe(opened.id);
    // The listing's own organisation names itself: refused with the field.
    expect(fields(await start(prato.user, prato.org.id))).toEqual(['organisationId']);

    // A private-network listing: NOT_FOUND for organisations outside the network.
    const hidden = await postListing(prato, { title: 'Private cotton', networkIds: [privateNetwork] });
    await activate(prato, hidden.id);
    expect(errorCode(await start(tunis.user, tunis.org.id, hidden.id))).toBe('NOT_FOUND');
  });

  it('limits proposals per organisation and day', async () => {
    const offer = await postListing(prato, { title: 'Cotton for a limit test', material: 'TEXTILE_COTTON', quantity: 1000, unit: 'KG' });
    await activate(prato, offer.id);
    const buyer = await actor('GR');
    await joinNetwork(network, buyer);
    const propose = () => gql(hub.url, PROPOSE, { i: { listingId: offer.id, organisationId: buyer.org.id, quantity: 1, proposedDate: later(3) } }, buyer.user.accessToken);
    for (let i = 0; i < 20; i += 1) expect((await propose()).errors).toBeUndefined();
    expect(errorCode(await propose())).toBe('LIMIT_REACHED');
  });

  it('sweeps listings whose availability ended to EXPIRED', async () => {
    const listing = await postListing(prato, { title: 'Short-lived paper lot', material: 'PAPER_CARD', ewcCode: '200101', availableUntil: later(1) });
    await activate(prato, listing.id);
    await hub.hub.app.get(DatabaseService).dataSource.query(`UPDATE symbiosis_listings SET available_until = now() - interval '1 minute' WHERE id = $1`, [listing.id]);
    expect(await hub.hub.app.get(ListingsService).sweepExpired()).toBeGreaterThanOrEqual(1);
    expect((await gql<{ symbiosisListing: { status: string } }>(hub.url, ONE, { id: listing.id }, prato.user.accessToken)).data?.symbiosisListing.status).toBe('EXPIRED');
    expect(errorCode(await gql(hub.url, MOVE, { id: listing.id, to: 'ACTIVE' }, prato.user.accessToken))).toBe('CONFLICT');
  });

  it('limits open listings per organisation', async () => {
    const busy = await actor('IT');
    await joinNetwork(network, busy);
    for (let i = 0; i < 100; i += 1) await postListing(busy, { title: `Lot number ${i}` });
    expect(errorCode(await gql(hub.url, POST, { i: input(busy, { title: 'One too many' }) }, busy.user.accessToken))).toBe('LIMIT_REACHED');
  });

  it('seeds demo offers and wants in their languages that match across them', async () => {
    const organisations = new Map<DemoOrganisationKey, string>([
      ['lanificio', prato.org.id],
      ['prato', prato.org.id],
      ['cresm', admin.org.id],
      ['medina', tunis.org.id],
      ['tunis', tunis.org.id],
      ['ntua', admin.org.id],
      ['epem', admin.org.id],
      ['fpec', outsider.org.id],
      ['bzu', outsider.org.id],
    ]);
    const db = hub.hub.app.get(DatabaseService);
    await db.transaction((manager) => hub.hub.app.get(DemoSymbiosisSeeder).seed(manager, { users: new Map(), organisations, networks: new Map([['network', network]]) }));
    expect(new Set(DEMO_LISTINGS.map((l) => l.language))).toEqual(new Set(['it', 'ar', 'fr', 'el', 'en']));
    const wants = await gql<{ symbiosisListings: { nodes: { id: string; title: string }[] } }>(hub.url, LIST, { f: { organisationId: outsider.org.id, kind: 'WANT', material: 'TEXTILE_POST_CONSUMER' }, first: 5 }, outsider.user.accessToken);
    const amman = wants.data!.symbiosisListings.nodes[0]!;
    expect(amman.title).toMatch(/ملابس/);
    const candidates = await gql<{ symbiosisCandidates: { listing: { title: string; language: string }; reasons: { code: string }[]; shipment: { outcome: string } }[] }>(hub.url, CANDIDATES, { id: amman.id }, outsider.user.accessToken);
    const italian = candidates.data!.symbiosisCandidates.find((c) => c.listing.title.startsWith('Abiti usati'))!;
    expect(italian.listing.language).toBe('it');
    expect(italian.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['SAME_MATERIAL', 'SAME_EWC_CODE']));
    expect(italian.shipment.outcome).toBe('DESTINATION_REGIME_DECIDES');
  });
});
