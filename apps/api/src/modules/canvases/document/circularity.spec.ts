import { CanvasBlock, ResolveLever } from '@app/contracts';

import { checkCircularity, MAX_GAPS } from './circularity.js';
import { CANVAS_BLOCKS } from './names.js';
import type { CanvasContent, CardContent, FlowContent } from './types.js';

const flow = (material: string, direction: 'IN' | 'OUT', quantity = 0, unit = ''): FlowContent => ({ material, direction, quantity, unit });

let ids = 0;
function card(overrides: Partial<CardContent> = {}): CardContent {
  ids += 1;
  return { id: `c${ids}`, text: 'something', authorId: 'u', colour: '#ffffff', levers: [], flows: [], links: [], createdAt: 0, ...overrides };
}

function canvas(cards: Partial<Record<CanvasBlock, CardContent[]>>): CanvasContent {
  return { blocks: CANVAS_BLOCKS.map((block) => ({ block, cards: cards[block] ?? [] })) };
}

describe('checkCircularity', () => {
  it('scores an empty canvas 0 and asks the basic questions, at most six', () => {
    const report = checkCircularity(canvas({}));
    expect(report).toMatchObject({ score: 0, leversCovered: [], leversMissing: Object.values(ResolveLever), takeBackFilled: false, adoptionFactorsFilled: false, openFlows: [] });
    expect(report.gaps).toEqual([
      'No take-back system yet: how do products come back?',
      'No material flows yet: what comes in, and what goes out?',
      'No adoption factors yet: what would make customers and partners switch?',
      'Levers not covered: Regenerate, Share, Optimise, Loop, Virtualise, Exchange',
      'Empty blocks: Key partners, Key activities, Key resources, Value propositions, Customer relationships, Channels, Customer segments, Cost structure, Revenue streams',
    ]);
    expect(report.gaps.length).toBeLessThanOrEqual(MAX_GAPS);
  });

  it('finds material leaving without a loop back, comparing materials case-insensitively and trimmed', () => {
    const report = checkCircularity(
      canvas({
        [CanvasBlock.KEY_ACTIVITIES]: [card({ id: 'act', flows: [flow('wool offcuts', 'OUT', 2, 't/month'), flow('Regenerated Yarn', 'OUT', 1, 't/month')] })],
        [CanvasBlock.TAKE_BACK_SYSTEM]: [card({ flows: [flow('  regenerated   yarn ', 'IN', 0.3, 't/month')] })],
      }),
    );
    expect(report.openFlows).toEqual([{ material: 'wool offcuts', block: CanvasBlock.KEY_ACTIVITIES, cardId: 'act', quantity: 2, unit: 't/month' }]);
    expect(report.gaps).toContain('Material leaving without a loop back: wool offcuts (2 t/month)');
  });

  it('adds up quantities per material and unit, and lists at most three materials', () => {
    const report = checkCircularity(
      canvas({
        [CanvasBlock.KEY_ACTIVITIES]: [
          card({ flows: [flow('felt', 'OUT', 1.25, 't/month'), flow('Felt', 'OUT', 0.5, 't/month'), flow('felt', 'OUT', 30, 'kg/week')] }),
          card({ flows: [flow('dye water', 'OUT'), flow('cones', 'OUT', 4, ''), flow('labels', 'OUT', 1, 'box')] }),
        ],
      }),
    );
    expect(report.openFlows).toHaveLength(6);
    expect(report.gaps).toContain('Materials leaving without a loop back: felt (1.75 t/month, 30 kg/week), dye water, cones (4) and 1 more');
  });

  it('only counts take-back and adoption factors with text in them', () => {
    const report = checkCircularity(canvas({ [CanvasBlock.TAKE_BACK_SYSTEM]: [card({ text: '   ' })], [CanvasBlock.ADOPTION_FACTORS]: [card()] }));
    expect(report.takeBackFilled).toBe(false);
    expect(report.adoptionFactorsFilled).toBe(true);
    expect(report.score).toBe(10);
  });

  it('scores a complete, closed canvas 100 and the parts as documented', () => {
    const classic = Object.fromEntries(CANVAS_BLOCKS.map((block) => [block, [card()]]));
    const full = canvas({
      ...classic,
      [CanvasBlock.KEY_ACTIVITIES]: [card({ levers: Object.values(ResolveLever), flows: [flow('wool', 'OUT', 1, 't'), flow('wool', 'IN', 1, 't')] })],
    });
    const report = checkCircularity(full);
    expect(report.score).toBe(100);
    expect(report.gaps).toEqual([]);
    expect(report.leversMissing).toEqual([]);

    // Half the OUT flows open (15 of 30), two levers (10 of 30), take-back (20), no adoption factors,
    // three classic blocks (3.33 of 10): 48.33, rounded.
    const partial = canvas({
      [CanvasBlock.KEY_PARTNERS]: [card({ levers: [ResolveLever.LOOP, ResolveLever.SHARE] })],
      [CanvasBlock.KEY_ACTIVITIES]: [card({ flows: [flow('wool', 'OUT'), flow('dust', 'OUT'), flow('wool', 'IN')] })],
      [CanvasBlock.CHANNELS]: [card()],
      [CanvasBlock.TAKE_BACK_SYSTEM]: [card()],
    });
    expect(checkCircularity(partial).score).toBe(48);
  });

  it('gives no loop points when nothing is recorded as leaving', () => {
    const report = checkCircularity(canvas({ [CanvasBlock.KEY_RESOURCES]: [card({ flows: [flow('wool', 'IN', 1, 't')] })] }));
    expect(report.openFlows).toEqual([]);
    expect(report.score).toBe(1);
  });
});
