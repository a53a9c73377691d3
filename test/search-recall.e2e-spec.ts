import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Factory, gql, startTestHub, type TestHub } from '@app/testing';

/**
 * Recall of challenge search and chat search on the labelled query set (test/search-queries): for each
 * language, the share of expected texts found. Prints the figures (docs/api.md records them) and
 * holds each language to its floor, so a change that loses matches fails here.
 */
interface QuerySet {
  documents: { key: string; language: string; text: string }[];
  queries: { language: string; query: string; expected: string[] }[];
}
const SET = JSON.parse(readFileSync(resolve(process.cwd(), 'test/search-queries/queries.json'), 'utf8')) as QuerySet;
const LANGUAGES = ['it', 'el', 'fr', 'ar', 'en'];
/** Recall each language must reach, on challenges and on chat (measured: docs/api.md, "Search"). */
const FLOOR = Number(process.env.SEARCH_RECALL_FLOOR ?? '0.8');

describe('search recall on the labelled query set', () => {
  let hub: TestHub;
  let token: string;
  const challengeKey = new Map<string, string>();
  const messageKey = new Map<string, string>();
  let channel: string;

  beforeAll(async () => {
    hub = await startTestHub({ CHAT_SEND_RATE_PER_SECOND: '10000', CHAT_SEND_BURST: '10000' });
    const make = new Factory(hub.url);
    const user = await make.user();
    token = user.accessToken;
    const organisation = (await make.organisation(user)).id;
    const network = (
      await gql<{ createNetwork: { id: string } }>(
        hub.url,
        'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }',
        { i: { organisationId: organisation, kind: 'NETWORK', name: 'Search recall', countries: ['IT'], visibility: 'PUBLIC' } },
        token,
      )
    ).data!.createNetwork.id;
    const channels = await gql<{ networkChatChannels: { id: string; kind: string }[] }>(hub.url, 'query($n: ID!) { networkChatChannels(networkId: $n) { id kind } }', { n: network }, token);
    channel = channels.data!.networkChatChannels.find((c) => c.kind === 'NETWORK_GENERAL')!.id;
    for (const doc of SET.documents) {
      const posted = await gql<{ postChallenge: { id: string } }>(
        hub.url,
        'mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id } }',
        { i: { networkId: network, organisationId: organisation, title: doc.text, description: doc.text, language: doc.language } },
        token,
      );
      const id = posted.data!.postChallenge.id;
      await gql(hub.url, 'mutation($id: ID!) { moveChallenge(challengeId: $id, to: OPEN) { id } }', { id }, token);
      challengeKey.set(id, doc.key);
      const sent = await gql<{ sendChatMessage: { id: string } }>(hub.url, 'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { id } }', { i: { channelId: channel, clientId: randomUUID(), body: doc.text } }, token);
      messageKey.set(sent.data!.sendChatMessage.id, doc.key);
    }
  });
  afterAll(() => hub.close());

  const recall = async (search: (query: string) => Promise<string[]>) => {
    const byLanguage: Record<string, { found: number; expected: number; missed: string[] }> = {};
    for (const { language, query, expected } of SET.queries) {
      const hits = new Set(await search(query));
      const entry = (byLanguage[language] ??= { found: 0, expected: 0, missed: [] });
      for (const key of expected) {
        entry.expected += 1;
        if (hits.has(key)) entry.found += 1;
        else entry.missed.push(query);
      }
    }
    return Object.fromEntries(LANGUAGES.map((l) => [l, { recall: byLanguage[l]!.found / byLanguage[l]!.expected, missed: byLanguage[l]!.missed }]));
  };

  it('finds what people mean in challenges', async () => {
    const figures = await recall(async (query) => {
      const result = await gql<{ challenges: { nodes: { id: string }[] } }>(hub.url, 'query($s: String) { challenges(first: 100, filter: { search: $s }) { nodes { id } } }', { s: query }, token);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.challenges.nodes.map((n) => challengeKey.get(n.id)!);
    });
    console.log(`challenge search recall: ${JSON.stringify(figures)}`);
    for (const language of LANGUAGES) expect({ language, ok: figures[language]!.recall >= FLOOR }).toEqual({ language, ok: true });
  });

  it('finds what people mean in chat messages', async () => {
    const figures = await recall(async (query) => {
      const result = await gql<{ searchChatMessages: { nodes: { id: string }[] } }>(hub.url, 'query($q: String!, $c: ID) { searchChatMessages(query: $q, channelId: $c, first: 100) { nodes { id } } }', { q: query, c: channel }, token);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.searchChatMessages.nodes.map((n) => messageKey.get(n.id)!);
    });
    console.log(`chat search recall: ${JSON.stringify(figures)}`);
    for (const language of LANGUAGES) expect({ language, ok: figures[language]!.recall >= FLOOR }).toEqual({ language, ok: true });
  });
});
