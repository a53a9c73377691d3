import { ChatTestClient, Factory, errorCode, gql, startTestHub, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';

const MESSAGE = 'id seq revision authorId clientId body language threadRootId replyCount mentions reactions { emoji count userIds } editedAt deletedAt';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Actor {
  user: TestUser;
  org: TestOrganisation;
}

describe('chat', () => {
  let hub: TestHub;
  let make: Factory;
  let ana: Actor, bilel: Actor, chiara: Actor, outsider: Actor;
  let network: string;
  const clients: ChatTestClient[] = [];

  const actor = async (name: string): Promise<Actor> => {
    const user = await make.user({ displayName: name });
    return { user, org: await make.organisation(user) };
  };
  const connect = async (who: Actor) => {
    const client = await ChatTestClient.connect(hub.url, who.user.accessToken);
    clients.push(client);
    return client;
  };
  const openDirect = async (who: Actor, others: Actor[], title?: string) => {
    const result = await gql<{ openDirectConversation: { id: string; kind: string; memberIds: string[] } }>(
      hub.url,
      'mutation($i: OpenDirectConversationInput!) { openDirectConversation(input: $i) { id kind memberIds } }',
      { i: { userIds: others.map((o) => o.user.id), title } },
      who.user.accessToken,
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.openDirectConversation;
  };
  const history = (who: Actor, channelId: string, args: Record<string, unknown> = {}) =>
    gql<{ chatMessages: { messages: { seq: number; body: string; deletedAt: string | null; replyCount: number }[]; hasMore: boolean } }>(
      hub.url,
      `query($c: ID!, $b: Int, $a: Int, $l: Int!) { chatMessages(channelId: $c, beforeSeq: $b, afterSeq: $a, limit: $l) { messages { ${MESSAGE} } hasMore } }`,
      { c: channelId, b: args.beforeSeq, a: args.afterSeq, l: args.limit ?? 50 },
      who.user.accessToken,
    );
  const joinNetwork = async (who: Actor, admin: Actor) => {
    const r = await gql<{ requestToJoinNetwork: { id: string } }>(hub.url, `mutation($i: RequestToJoinInput!) { requestToJoinNetwork(input: $i) { id } }`, { i: { networkId: network, organisationId: who.org.id } }, who.user.accessToken);
    await gql(hub.url, `mutation($id: ID!) { decideNetworkJoinRequest(requestId: $id, approve: true) { id } }`, { id: r.data!.requestToJoinNetwork.id }, admin.user.accessToken);
  };

  beforeAll(async () => {
    // The send limit has its own suite; here it would only get in the way.
    hub = await startTestHub({ CHAT_SEND_RATE_PER_SECOND: '10000', CHAT_SEND_BURST: '10000' });
    make = new Factory(hub.url);
    [ana, bilel, chiara, outsider] = [await actor('Ana'), await actor('Bilel'), await actor('Chiara'), await actor('Outsider')];
    const created = await gql<{ createNetwork: { id: string } }>(
      hub.url,
      `mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`,
      { i: { organisationId: ana.org.id, kind: 'NETWORK', name: 'Chatting network', countries: ['IT', 'TN'], visibility: 'PUBLIC' } },
      ana.user.accessToken,
    );
    network = created.data!.createNetwork.id;
    await joinNetwork(bilel, ana);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => hub.close());

  it('delivers a message once to every member, in order, acknowledged after it is stored; a resend returns the original', async () => {
    const channel = await openDirect(ana, [bilel]);
    expect(channel.kind).toBe('DIRECT');
    // Opening it again, from either side, gives the same conversation.
    expect((await openDirect(bilel, [ana])).id).toBe(channel.id);
    const [a, b] = [await connect(ana), await connect(bilel)];
    expect((await a.join(channel.id)).ok).toBe(true);
    expect((await b.join(channel.id)).ok).toBe(true);

    const ack = await a.send(channel.id, 'm-1', 'Ciao Bilel, domani portiamo i campioni di tessuto rigenerato.');
    expect(ack).toMatchObject({ ok: true, data: { seq: 1, duplicate: false } });
    // Acknowledged means stored: history has it.
    expect((await history(bilel, channel.id)).data?.chatMessages.messages.map((m) => m.body)).toEqual(['Ciao Bilel, domani portiamo i campioni di tessuto rigenerato.']);

    const again = await a.send(channel.id, 'm-1', 'Ciao Bilel, domani portiamo i campioni di tessuto rigenerato.');
    expect(again).toMatchObject({ ok: true, data: { seq: 1, duplicate: true } });
    expect(again.ok && ack.ok && again.data.messageId === ack.data.messageId).toBe(true);
    await a.send(channel.id, 'm-2', 'Second');
    await b.until(() => b.view(channel.id).seq === 2);
    await a.until(() => a.view(channel.id).seq === 2);
    for (const client of [a, b]) {
      expect(client.view(channel.id).messages.map((m) => m.seq)).toEqual([1, 2]);
      expect(client.view(channel.id).violations).toEqual([]);
    }
    expect(b.view(channel.id).messages[0]).toMatchObject({ authorId: ana.user.id, clientId: 'm-1', language: 'it' });
    // The same client id in another channel is a conflict, not a silent duplicate.
    const other = await openDirect(ana, [chiara]);
    expect(await a.send(other.id, 'm-1', 'elsewhere')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('numbers concurrent senders without gaps and gives every member the same history', async () => {
    const group = await openDirect(ana, [bilel, chiara], 'Prato–Tunis logistics');
    const members = [await connect(ana), await connect(bilel), await connect(chiara)];
    for (const client of members) await client.join(group.id);
    const acks = await Promise.all(members.flatMap((client, i) => Array.from({ length: 15 }, (_, n) => client.send(group.id, `c${i}-${n}`, `message ${n} from ${i}`))));
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const seqs = acks.map((ack) => (ack.ok ? ack.data.seq : 0)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    for (const client of members) {
      await client.until(() => client.view(group.id).seq === 45);
      expect(client.view(group.id).violations).toEqual([]);
      expect(client.view(group.id).messages.map((m) => m.id)).toEqual(members[0]!.view(group.id).messages.map((m) => m.id));
    }
  });

  it('catches a reconnecting client up on missed messages, edits, deletes and reactions, then goes on live', async () => {
    const [sender, receiver] = [await actor('Sender'), await actor('Receiver')];
    const channel = await openDirect(sender, [receiver]);
    const [a, c] = [await connect(sender), await connect(receiver)];
    await a.join(channel.id);
    await c.join(channel.id);
    const first = await a.send(channel.id, 'cu-1', 'Before the gap');
    await c.until(() => c.view(channel.id).seq === 1);
    c.close();

    for (let i = 2; i <= 6; i += 1) await a.send(channel.id, `cu-${i}`, `Missed ${i}`);
    const firstId = first.ok ? first.data.messageId : '';
    expect(await a.request('chat:edit', { messageId: firstId, body: 'Before the gap (edited)' })).toMatchObject({ ok: true });
    expect(await a.request('chat:react', { messageId: firstId, emoji: '👍' })).toMatchObject({ ok: true, data: { added: true } });

    await c.reconnect(hub.url);
    const view = c.view(channel.id);
    expect(view.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(view.violations).toEqual([]);
    expect(view.latest.get(firstId)).toMatchObject({ body: 'Before the gap (edited)', reactions: [{ emoji: '👍', count: 1, userIds: [sender.user.id] }] });

    // Live again: a delete arrives as an update with a tombstone, a new message in order.
    expect(await a.request('chat:delete', { messageId: firstId })).toMatchObject({ ok: true });
    await a.send(channel.id, 'cu-7', 'After');
    await c.until(() => view.seq === 7 && view.latest.get(firstId)?.deletedAt !== null);
    expect(view.latest.get(firstId)).toMatchObject({ body: '', reactions: [] });
    expect(view.violations).toEqual([]);
    const stored = await history(receiver, channel.id);
    expect(stored.data?.chatMessages.messages[0]).toMatchObject({ seq: 1, body: '' });
    expect(stored.data?.chatMessages.messages[0]?.deletedAt).not.toBeNull();
  });

  it('keeps threads with reply counts, and lets only authors edit or delete', async () => {
    const channel = await openDirect(bilel, [chiara]);
    const [b, c] = [await connect(bilel), await connect(chiara)];
    await b.join(channel.id);
    await c.join(channel.id);
    const root = await b.send(channel.id, 't-root', 'Who takes the indigo offcuts?');
    const rootId = root.ok ? root.data.messageId : '';
    const reply = await c.send(channel.id, 't-r1', 'We do, for the rugs.', { threadRootId: rootId });
    expect(reply).toMatchObject({ ok: true, data: { seq: 2 } });
    await b.until(() => b.view(channel.id).latest.get(rootId)?.replyCount === 1);
    expect(await c.send(channel.id, 't-r2', 'Nested?', { threadRootId: reply.ok ? reply.data.messageId : '' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT', fields: ['threadRootId'] },
    });
    const thread = await gql<{ chatThread: { root: { replyCount: number }; replies: { body: string }[] } }>(
      hub.url,
      'query($r: ID!) { chatThread(threadRootId: $r) { root { replyCount } replies { body } hasMore } }',
      { r: rootId },
      chiara.user.accessToken,
    );
    expect(thread.data?.chatThread).toEqual({ root: { replyCount: 1 }, replies: [{ body: 'We do, for the rugs.' }], hasMore: false });
    // Channel history holds every seq: the root, and the reply as a thread marker (threadRootId set).
    expect((await history(bilel, channel.id)).data?.chatMessages.messages.map((m) => ({ seq: m.seq, replyCount: m.replyCount }))).toEqual([
      { seq: 1, replyCount: 1 },
      { seq: 2, replyCount: 0 },
    ]);
    expect(await c.request('chat:edit', { messageId: rootId, body: 'mine now' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await c.request('chat:delete', { messageId: rootId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(b.view(channel.id).violations).toEqual([]);
  });

  it('shows a client every seq of a channel once: history slices hold thread replies as markers, threads hold their replies', async () => {
    const [writer, reader] = [await actor('Seq Writer'), await actor('Seq Reader')];
    const channel = await openDirect(writer, [reader]);
    const [a, b] = [await connect(writer), await connect(reader)];
    await a.join(channel.id);
    const sent: { id: string; seq: number }[] = [];
    const send = async (client: ChatTestClient, body: string, threadRootId?: string) => {
      const ack = await client.send(channel.id, `seq-${sent.length}-${Date.now()}`, body, threadRootId ? { threadRootId } : {});
      if (!ack.ok) throw new Error(JSON.stringify(ack.error));
      sent.push({ id: ack.data.messageId, seq: ack.data.seq });
      return ack.data.messageId;
    };
    const root = await send(a, 'Root');
    await send(a, 'Reply one', root);
    await send(a, 'Between');
    await send(a, 'Reply two', root);
    await send(a, 'Last');
    expect(sent.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);

    // Over the socket, a client joining from scratch sees 1…5 in order, replies included.
    await b.join(channel.id);
    expect(b.view(channel.id).messages.map((m) => [m.seq, m.threadRootId])).toEqual([
      [1, null],
      [2, root],
      [3, null],
      [4, root],
      [5, null],
    ]);
    expect(b.view(channel.id).violations).toEqual([]);

    // Over GraphQL, paging back two at a time from the latest covers every seq once, with no gap.
    const seen: { seq: number; threadRootId: string | null }[] = [];
    let before: number | undefined;
    for (;;) {
      const page = (await history(reader, channel.id, { beforeSeq: before, limit: 2 })).data!.chatMessages as unknown as { messages: { seq: number; threadRootId: string | null }[]; hasMore: boolean };
      seen.unshift(...page.messages.map((m) => ({ seq: m.seq, threadRootId: m.threadRootId })));
      if (!page.hasMore) break;
      before = page.messages[0]!.seq;
    }
    expect(seen).toEqual([
      { seq: 1, threadRootId: null },
      { seq: 2, threadRootId: root },
      { seq: 3, threadRootId: null },
      { seq: 4, threadRootId: root },
      { seq: 5, threadRootId: null },
    ]);
    const forward = (await history(reader, channel.id, { afterSeq: 1, limit: 3 })).data!.chatMessages.messages.map((m) => m.seq);
    expect(forward).toEqual([2, 3, 4]);

    // The thread holds its replies by their channel seq; afterSeq continues from the last reply seen.
    const thread = (afterSeq?: number) =>
      gql<{ chatThread: { root: { seq: number; replyCount: number }; replies: { seq: number; body: string }[] } }>(
        hub.url,
        'query($r: ID!, $a: Int) { chatThread(threadRootId: $r, afterSeq: $a) { root { seq replyCount } replies { seq body } } }',
        { r: root, a: afterSeq },
        reader.user.accessToken,
      );
    expect((await thread()).data?.chatThread).toEqual({ root: { seq: 1, replyCount: 2 }, replies: [{ seq: 2, body: 'Reply one' }, { seq: 4, body: 'Reply two' }] });
    expect((await thread(2)).data?.chatThread.replies).toEqual([{ seq: 4, body: 'Reply two' }]);
  });

  it('toggles reactions and notifies mentioned people', async () => {
    const [ana, bilel] = [await actor('Ana R'), await actor('Bilel R')];
    const channel = await openDirect(ana, [bilel]);
    const [a, b] = [await connect(ana), await connect(bilel)];
    await a.join(channel.id);
    await b.join(channel.id);
    const sent = await a.send(channel.id, `mention-${Date.now()}`, 'Bilel, can you check the dye lots?', { mentions: [bilel.user.id] });
    const messageId = sent.ok ? sent.data.messageId : '';
    expect(await b.request('chat:react', { messageId, emoji: '🧵' })).toMatchObject({ ok: true, data: { added: true } });
    expect(await a.request('chat:react', { messageId, emoji: '🧵' })).toMatchObject({ ok: true, data: { added: true } });
    await a.until(() => a.view(channel.id).latest.get(messageId)?.reactions[0]?.count === 2);
    expect(await b.request('chat:react', { messageId, emoji: '🧵' })).toMatchObject({ ok: true, data: { added: false } });
    await a.until(() => a.view(channel.id).latest.get(messageId)?.reactions[0]?.count === 1);
    expect(a.view(channel.id).latest.get(messageId)?.reactions).toEqual([{ emoji: '🧵', count: 1, userIds: [ana.user.id] }]);
    expect(await a.request('chat:react', { messageId, emoji: 'not an emoji' })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', fields: ['emoji'] } });

    let kinds: string[] = [];
    for (let i = 0; i < 40 && !kinds.includes('CHAT_MENTION'); i += 1) {
      const list = await gql<{ notifications: { nodes: { kind: string; chatChannelId: string | null }[] } }>(hub.url, 'query { notifications(first: 10) { nodes { kind chatChannelId } } }', {}, bilel.user.accessToken);
      kinds = list.data?.notifications.nodes.map((n) => n.kind) ?? [];
      await sleep(100);
    }
    expect(kinds).toContain('CHAT_MENTION');
    // Mentioning someone who cannot read the channel is refused, and nothing is stored.
    expect(await a.send(channel.id, 'mention-outsider', 'psst', { mentions: [outsider.user.id] })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', fields: ['mentions'] } });
    expect((await history(ana, channel.id)).data?.chatMessages.messages).toHaveLength(1);
  });

  it('counts unread messages and mentions, and moves read markers forward only, across tabs', async () => {
    const [chiara, ana] = [await actor('Chiara U'), await actor('Ana U')];
    const channel = await openDirect(chiara, [ana]);
    const chiaraSocket = await connect(chiara);
    await chiaraSocket.join(channel.id);
    for (let i = 1; i <= 3; i += 1) await chiaraSocket.send(channel.id, `unread-${channel.id}-${i}`, `note ${i}`, i === 3 ? { mentions: [ana.user.id] } : {});
    const counts = async () =>
      (
        await gql<{ myChatChannels: { nodes: { id: string; unreadCount: number; mentionCount: number; lastReadSeq: number }[] } }>(
          hub.url,
          'query { myChatChannels(first: 50) { nodes { id unreadCount mentionCount lastReadSeq } } }',
          {},
          ana.user.accessToken,
        )
      ).data?.myChatChannels.nodes.find((n) => n.id === channel.id);
    expect(await counts()).toMatchObject({ unreadCount: 3, mentionCount: 1, lastReadSeq: 0 });
    const [tab1, tab2] = [await connect(ana), await connect(ana)];
    const marker = new Promise((resolve) => tab2.socket.once('chat:read-marker', resolve));
    expect(await tab1.request('chat:read', { channelId: channel.id, seq: 2 })).toEqual({ ok: true, data: { channelId: channel.id, lastReadSeq: 2 } });
    expect(await marker).toEqual({ channelId: channel.id, lastReadSeq: 2 });
    expect(await counts()).toMatchObject({ unreadCount: 1, mentionCount: 1, lastReadSeq: 2 });
    // A stale tab cannot move it back; a marker past the end stops at the end.
    expect(await tab2.request('chat:read', { channelId: channel.id, seq: 1 })).toMatchObject({ ok: true, data: { lastReadSeq: 2 } });
    expect(await tab2.request('chat:read', { channelId: channel.id, seq: 99 })).toMatchObject({ ok: true, data: { lastReadSeq: 3 } });
    expect(await counts()).toMatchObject({ unreadCount: 0, mentionCount: 0 });
  });

  it('pages history in both directions and searches only readable channels, in any language', async () => {
    const [bilel, ana] = [await actor('Bilel H'), await actor('Ana H')];
    const channel = await openDirect(bilel, [ana]);
    const b = await connect(bilel);
    await b.join(channel.id);
    const bodies = ['I ritagli rigenerati arrivano lunedì', 'Les chutes de tissu recyclé partent de Tunis la semaine prochaine', 'Plain words', 'More words', 'Last words'];
    for (const [i, body] of bodies.entries()) await b.send(channel.id, `h-${channel.id}-${i}`, body);
    const latest = await history(ana, channel.id, { limit: 2 });
    expect(latest.data?.chatMessages).toMatchObject({ hasMore: true, messages: [{ seq: 4 }, { seq: 5 }] });
    const older = await history(ana, channel.id, { beforeSeq: 4, limit: 2 });
    expect(older.data?.chatMessages).toMatchObject({ hasMore: true, messages: [{ seq: 2 }, { seq: 3 }] });
    const newer = await history(ana, channel.id, { afterSeq: 3, limit: 10 });
    expect(newer.data?.chatMessages).toMatchObject({ hasMore: false, messages: [{ seq: 4 }, { seq: 5 }] });

    const search = (who: Actor, query: string) =>
      gql<{ searchChatMessages: { nodes: { body: string }[] } }>(hub.url, 'query($q: String!) { searchChatMessages(query: $q, first: 10) { nodes { body } } }', { q: query }, who.user.accessToken);
    // Stemming in the message's language: "rigenerato" finds "rigenerati", "recyclés" finds "recyclé".
    expect((await search(ana, 'rigenerato')).data?.searchChatMessages.nodes.map((n) => n.body)).toContain('I ritagli rigenerati arrivano lunedì');
    expect((await search(ana, 'recyclés')).data?.searchChatMessages.nodes.map((n) => n.body)).toContain('Les chutes de tissu recyclé partent de Tunis la semaine prochaine');
    expect((await search(outsider, 'rigenerato')).data?.searchChatMessages.nodes).toEqual([]);
  });

  it('refuses what a member may not do and bad frames with a code, storing nothing and keeping the socket usable', async () => {
    const [ana, bilel] = [await actor('Ana B'), await actor('Bilel B')];
    const channel = await openDirect(ana, [bilel]);
    const stranger = await connect(outsider);
    expect(await stranger.request('chat:join', { channelId: channel.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await stranger.send(channel.id, 'x-1', 'let me in')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await stranger.request('chat:join', { channelId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(errorCode(await history(outsider, channel.id))).toBe('FORBIDDEN');

    const a = await connect(ana);
    await a.join(channel.id);
    const bad: [string, unknown, string[]?][] = [
      ['chat:send', { channelId: channel.id, clientId: 'ok-1', body: 'x'.repeat(4001) }, ['body']],
      ['chat:send', { channelId: channel.id, clientId: 'ok-2', body: '   ' }, ['body']],
      ['chat:send', { channelId: channel.id, clientId: 'has spaces', body: 'hi' }, ['clientId']],
      ['chat:send', { channelId: 'not-a-uuid', clientId: 'ok-3', body: 'hi' }, ['channelId']],
      ['chat:send', { channelId: channel.id, clientId: 'ok-4', body: 42 }, ['body']],
      ['chat:send', { channelId: channel.id, clientId: 'ok-5', body: 'hi', extra: true }, ['extra']],
      ['chat:send', 'just a string'],
      ['chat:send', null],
      ['chat:join', { channelId: channel.id, afterSeq: -1 }, ['afterSeq']],
      ['chat:read', { channelId: channel.id, seq: 1.5 }, ['seq']],
      ['chat:typing', { channelId: channel.id, x: 1 }, ['x']],
      ['presence:watch', { userIds: Array.from({ length: 201 }, () => ana.user.id) }, ['userIds']],
    ];
    for (const [event, payload, fields] of bad) {
      const answer = await a.request(event as 'chat:send', payload);
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', ...(fields ? { fields } : {}) } });
      // The message says which rule was broken (never only "The payload is not valid."), as GraphQL's BAD_USER_INPUT does.
      if (fields) expect({ event, fields, message: (answer as { error: { message: string } }).error.message }).not.toEqual({ event, fields, message: 'The payload is not valid.' });
    }
    const sayOf = async (event: string, payload: unknown) => ((await a.request(event as 'chat:send', payload)) as { error: { message: string } }).error.message;
    expect(await sayOf('chat:read', { channelId: channel.id, seq: 1.5 })).toBe('The payload is not valid: seq must be a whole number.');
    expect(await sayOf('chat:send', { channelId: channel.id, clientId: 'ok-6', body: 'hi', extra: true })).toBe('The payload is not valid: extra is not a field of this input.');
    expect(await sayOf('chat:send', { channelId: 'not-a-uuid', clientId: 'ok-7', body: 'hi' })).toBe('The payload is not valid: channelId must be an id given out by this server (a UUID).');
    expect(await a.request('chat:teleport' as 'chat:send', {})).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    // Still usable, and nothing was stored.
    expect(await a.send(channel.id, 'ok-final', 'Still here')).toMatchObject({ ok: true, data: { seq: 1 } });
    expect((await history(ana, channel.id)).data?.chatMessages.messages.map((m) => m.body)).toEqual(['Still here']);
  });

  it('answers a fuzzed corpus of frames with codes, never an internal error or a silent socket', async () => {
    const [me, peer] = [await actor('Fuzz'), await actor('Fuzz peer')];
    const channel = await openDirect(me, [peer]);
    const client = await connect(me);
    await client.join(channel.id);
    let seed = 20261127;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)]!;
    const values = (): unknown =>
      pick<() => unknown>([
        () => channel.id,
        () => '00000000-0000-4000-8000-000000000000',
        () => 'x'.repeat(Math.floor(random() * 5000)),
        () => Math.floor(random() * 2 ** 40) - 2 ** 39,
        () => random(),
        () => null,
        () => true,
        () => [],
        () => [channel.id, 1, null],
        () => ({ nested: { deep: [1, 2, 3] } }),
        () => '👍',
        () => '\u0000\u202e',
        () => ({ toString: 'x', __proto__: { polluted: true } }),
      ])();
    const fields = ['channelId', 'clientId', 'body', 'messageId', 'emoji', 'seq', 'afterSeq', 'afterRevision', 'threadRootId', 'mentions', 'userIds', 'status', '__proto__', 'constructor'];
    const events = ['chat:join', 'chat:leave', 'chat:send', 'chat:edit', 'chat:delete', 'chat:react', 'chat:read', 'chat:typing', 'presence:set', 'presence:watch'];
    const codes = new Set<string>();
    for (let i = 0; i < 300; i += 1) {
      const payload: Record<string, unknown> = {};
      for (let f = Math.floor(random() * 4); f > 0; f -= 1) payload[pick(fields)] = values();
      const answer = await client.request<unknown>(pick(events) as 'chat:send', random() < 0.1 ? values() : payload, 5_000);
      if (!answer.ok) codes.add(answer.error.code);
      expect(answer.ok || answer.error.code !== 'INTERNAL_SERVER_ERROR').toBe(true);
    }
    expect(client.socket.connected).toBe(true);
    expect([...codes]).toContain('BAD_USER_INPUT');
    expect(client.view(channel.id).violations).toEqual([]);
  });

  it('relays typing (throttled, not to oneself) and tracks presence across tabs', async () => {
    const channel = await openDirect(ana, [bilel]);
    const [a1, b] = [await connect(ana), await connect(bilel)];
    await a1.join(channel.id);
    await b.join(channel.id);
    const typing: unknown[] = [];
    const selfTyping: unknown[] = [];
    b.socket.on('chat:typing', (payload) => typing.push(payload));
    a1.socket.on('chat:typing', (payload) => selfTyping.push(payload));
    for (let i = 0; i < 5; i += 1) expect(await a1.request('chat:typing', { channelId: channel.id })).toEqual({ ok: true, data: {} });
    await sleep(300);
    expect(typing).toEqual([expect.objectContaining({ channelId: channel.id, userId: ana.user.id })]);
    expect(selfTyping).toEqual([]);
    // Typing needs a joined channel.
    expect(await a1.request('chat:typing', { channelId: (await openDirect(ana, [chiara])).id })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });

    const watch = await b.request<{ statuses: { userId: string; status: string }[] }>('presence:watch', { userIds: [ana.user.id] });
    expect(watch).toEqual({ ok: true, data: { statuses: [{ userId: ana.user.id, status: 'ONLINE' }] } });
    const next = (status: string) =>
      new Promise<void>((resolve) => {
        const on = (p: { userId: string; status: string }) => {
          if (p.userId === ana.user.id && p.status === status) {
            b.socket.off('presence:changed', on);
            resolve();
          }
        };
        b.socket.on('presence:changed', on);
      });
    const a2 = await connect(ana);
    // Two tabs: away only when both are away; offline only when both are gone.
    let changed = next('AWAY');
    await a1.request('presence:set', { status: 'AWAY' });
    await sleep(200);
    await a2.request('presence:set', { status: 'AWAY' });
    await changed;
    changed = next('OFFLINE');
    a1.close();
    a2.close();
    await changed;
    // Someone sharing nothing with Ana may not watch her.
    const stranger = await connect(outsider);
    expect(await stranger.request('presence:watch', { userIds: [ana.user.id] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('gives network members a general channel and admins topic channels; challenge channels follow their followers', async () => {
    const list = await gql<{ networkChatChannels: { id: string; kind: string }[] }>(hub.url, 'query($n: ID!) { networkChatChannels(networkId: $n) { id kind title } }', { n: network }, bilel.user.accessToken);
    const general = list.data!.networkChatChannels.find((c) => c.kind === 'NETWORK_GENERAL')!;
    expect(general).toBeDefined();
    expect(errorCode(await gql(hub.url, 'query($n: ID!) { networkChatChannels(networkId: $n) { id } }', { n: network }, outsider.user.accessToken))).toBe('FORBIDDEN');
    const topic = (who: Actor) => gql<{ createChatTopic: { id: string; kind: string } }>(hub.url, 'mutation($i: CreateChatTopicInput!) { createChatTopic(input: $i) { id kind } }', { i: { networkId: network, title: 'Dyes and mordants' } }, who.user.accessToken);
    expect(errorCode(await topic(bilel))).toBe('FORBIDDEN');
    expect((await topic(ana)).data?.createChatTopic.kind).toBe('NETWORK_TOPIC');
    expect(errorCode(await topic(ana))).toBe('CONFLICT');

    const [a, b, o] = [await connect(ana), await connect(bilel), await connect(outsider)];
    await a.join(general.id);
    await b.join(general.id);
    expect(await o.request('chat:join', { channelId: general.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await a.send(general.id, `g-${general.id}`, 'Benvenuti');
    await b.until(() => b.view(general.id).seq >= 1);

    const posted = await gql<{ postChallenge: { id: string } }>(hub.url, `mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id } }`, { i: { networkId: network, organisationId: bilel.org.id, title: 'Denim offcuts', description: 'x', language: 'en' } }, bilel.user.accessToken);
    const challengeId = posted.data!.postChallenge.id;
    await gql(hub.url, `mutation($id: ID!) { moveChallenge(challengeId: $id, to: OPEN) { id } }`, { id: challengeId }, bilel.user.accessToken);
    const channelOf = (who: Actor) => gql<{ challengeChatChannel: { id: string } }>(hub.url, 'query($c: ID!) { challengeChatChannel(challengeId: $c) { id kind } }', { c: challengeId }, who.user.accessToken);
    const challengeChannel = (await channelOf(bilel)).data!.challengeChatChannel.id;
    // Ana (an admin of the network, not following) is refused until she follows.
    expect(errorCode(await channelOf(ana))).toBe('FORBIDDEN');
    await gql(hub.url, `mutation($id: ID!) { followChallenge(challengeId: $id, follow: true) { id } }`, { id: challengeId }, ana.user.accessToken);
    expect((await channelOf(ana)).data?.challengeChatChannel.id).toBe(challengeChannel);
    expect((await a.join(challengeChannel)).ok).toBe(true);
  });
});

describe('chat send rate limit', () => {
  let hub: TestHub;
  afterAll(() => hub?.close());

  it('answers RATE_LIMITED past the burst and stores only what was acknowledged', async () => {
    hub = await startTestHub({ CHAT_SEND_RATE_PER_SECOND: '1', CHAT_SEND_BURST: '3' });
    const make = new Factory(hub.url);
    const [a, b] = [await make.user(), await make.user()];
    const opened = await gql<{ openDirectConversation: { id: string } }>(hub.url, 'mutation($i: OpenDirectConversationInput!) { openDirectConversation(input: $i) { id } }', { i: { userIds: [b.id] } }, a.accessToken);
    const channelId = opened.data!.openDirectConversation.id;
    const client = await ChatTestClient.connect(hub.url, a.accessToken);
    const acks = [];
    for (let i = 0; i < 5; i += 1) acks.push(await client.send(channelId, `r-${i}`, `flood ${i}`));
    expect(acks.map((ack) => (ack.ok ? 'ok' : ack.error.code))).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
    const stored = await gql<{ chatMessages: { messages: { seq: number }[] } }>(hub.url, 'query($c: ID!) { chatMessages(channelId: $c, limit: 10) { messages { seq } } }', { c: channelId }, a.accessToken);
    expect(stored.data?.chatMessages.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    client.close();
  });
});
