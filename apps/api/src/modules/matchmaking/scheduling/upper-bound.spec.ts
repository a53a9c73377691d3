import { FlowNetwork } from './max-flow.js';
import { schedule } from './scheduler.js';
import { session } from './session.fixtures.js';
import { upperBound, upperBoundParts } from './upper-bound.js';

describe('FlowNetwork', () => {
  it('finds the maximum flow, rerouting earlier paths when needed', () => {
    // The classic case where a greedy path (0→1→2→3) must be undone through the reverse arc.
    const network = new FlowNetwork(4);
    network.addArc(0, 1, 1);
    network.addArc(0, 2, 1);
    const middle = network.addArc(1, 2, 1);
    network.addArc(1, 3, 1);
    network.addArc(2, 3, 1);
    expect(network.maxFlow(0, 3)).toBe(2);
    expect(network.flowOn(middle)).toBe(0);
  });
});

describe('upperBound', () => {
  it('drops meetings with no common slot (a)', () => {
    const problem = session({ slots: 2, participants: [{ id: 'a', unavailable: [0] }, { id: 'b', unavailable: [1] }, 'c'], meetings: [['ab', 'a', 'b'], ['ac', 'a', 'c']] });
    expect(upperBoundParts(problem)).toMatchObject({ placeable: 1, bound: 1 });
  });

  it('counts each participant at most min(maxMeetings, meetings fitting in distinct slots) times (b)', () => {
    // a is in four meetings but allows two; b, c, d, e have room. At most two of a's, plus d–e.
    const problem = session({
      slots: 4,
      participants: [{ id: 'a', maxMeetings: 2 }, 'b', 'c', 'd', 'e'],
      meetings: [['ab', 'a', 'b'], ['ac', 'a', 'c'], ['ad', 'a', 'd'], ['ae', 'a', 'e'], ['de', 'd', 'e']],
    });
    expect(upperBoundParts(problem)).toMatchObject({ placeable: 5, participants: 3, bound: 3 });
    // Three meetings of a that can only go to slot 0 or 1: a has room for two however many it allows.
    const narrow = session({
      slots: 3,
      participants: [{ id: 'a', unavailable: [2] }, 'b', 'c', 'd'],
      meetings: [['ab', 'a', 'b'], ['ac', 'a', 'c'], ['ad', 'a', 'd']],
    });
    expect(upperBoundParts(narrow)).toMatchObject({ participants: 2, bound: 2 });
  });

  it('counts at most the tables, and half the people who can meet, per slot (c)', () => {
    const problem = session({ slots: 2, tables: 1, participants: ['a', 'b', 'c', 'd', 'e', 'f'], meetings: [['ab', 'a', 'b'], ['cd', 'c', 'd'], ['ef', 'e', 'f']] });
    expect(upperBoundParts(problem)).toMatchObject({ tables: 2, bound: 2 });
    // A triangle in two slots: three people per slot can hold one meeting each.
    const triangle = session({ slots: 2, participants: ['a', 'b', 'c'], meetings: [['ab', 'a', 'b'], ['bc', 'b', 'c'], ['ca', 'c', 'a']] });
    expect(upperBoundParts(triangle)).toMatchObject({ participants: 3, tables: 2, bound: 2 });
  });

  it('holds pinned meetings to their slot', () => {
    const problem = session({ slots: 3, participants: [{ id: 'a', unavailable: [1] }, 'b'], meetings: [['ab', 'a', 'b', { pinned: { slot: 1 } }]] });
    expect(upperBound(problem)).toBe(0);
  });

  it('is a bound, not always reachable: the Petersen graph in three slots', () => {
    // 15 meetings, everyone in three, three slots: the bound allows all 15, but the Petersen graph
    // needs four colours for its edges, and three matchings cover at most 5 + 4 + 4 = 13 of them.
    const outer = [0, 1, 2, 3, 4].map((i) => [i, (i + 1) % 5]);
    const spokes = [0, 1, 2, 3, 4].map((i) => [i, i + 5]);
    const inner = [0, 1, 2, 3, 4].map((i) => [5 + i, 5 + ((i + 2) % 5)]);
    const problem = session({
      slots: 3,
      participants: Array.from({ length: 10 }, (_, i) => `p${i}`),
      meetings: [...outer, ...spokes, ...inner].map(([a, b], i) => [`m${i}`, `p${a}`, `p${b}`] as [string, string, string]),
    });
    expect(upperBound(problem)).toBe(15);
    expect(schedule(problem).stats.placed).toBe(13);
  });
});
