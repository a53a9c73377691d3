import { CanvasBlock, ResolveLever } from '@app/contracts';

import { checkCircularity } from './circularity.js';
import { readContent } from './content.js';
import { newDoc } from './document.fixtures.js';
import { CANVAS_JSON_FORMAT, escapeMarkdown, toJson, toJsonExport, toMarkdown } from './export.js';
import { CANVAS_BLOCKS } from './names.js';
import { applyTemplate } from './templates.js';
import type { CanvasContent, CardContent } from './types.js';

function counter(): () => string {
  let next = 0;
  return () => `card-${(next += 1)}`;
}

function textile(): CanvasContent {
  const doc = newDoc(1);
  applyTemplate(doc, 'TEXTILE_TAKE_BACK', 'user-1', { newId: counter(), now: 1_700_000_000_000 });
  return readContent(doc);
}

const base: CardContent = { id: 'x', text: '', authorId: 'u', colour: '#ffffff', levers: [], flows: [], links: [], createdAt: 0 };

function withCard(card: Partial<CardContent>): CanvasContent {
  return { blocks: CANVAS_BLOCKS.map((block) => ({ block, cards: block === CanvasBlock.KEY_PARTNERS ? [{ ...base, ...card }] : [] })) };
}

describe('escapeMarkdown', () => {
  it.each([
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['[link](javascript:alert(1))', '\\[link\\](javascript:alert(1))'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. first', '1\\. first'],
    ['12) twelfth', '12\\) twelfth'],
    ['> quote', '\\> quote'],
    ['a | b', 'a \\| b'],
    ['    code block', 'code block'],
    ['===', '\\==='],
    ['---', '\\---'],
    ['-5 °C in winter', '-5 °C in winter'],
    ['back\\slash', 'back\\\\slash'],
    ['AT&T', 'AT\\&T'],
    ['2.5 t of wool - ok', '2.5 t of wool - ok'],
    ['Şile, Tūnis — déchets', 'Şile, Tūnis — déchets'],
  ])('%s', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

describe('toMarkdown', () => {
  it('has a heading per block with its human name, cards as bullets with levers and flows, then the check', () => {
    const content = textile();
    const markdown = toMarkdown('Prato wool loop', content, checkCircularity(content));
    expect(markdown.startsWith('# Prato wool loop\n')).toBe(true);
    for (const heading of ['## Key partners\n', '## Take-back system\n', '## Adoption factors\n', '## Circularity check\n']) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toContain('- Sort offcuts by colour and fibre, so the yarn needs no new dye _(Optimise)_\n  - In: wool offcuts, 2 t/month');
    expect(markdown).toContain('Score: ');
    expect(markdown).toContain('- Material leaving without a loop back: short fibres (0.2 t/month)');
  });

  it('keeps user text literal: no headings, links or HTML can be smuggled in', () => {
    const content = withCard({
      text: '# Not a heading\n- not a list\n<img src=x onerror=alert(1)>\n[click](javascript:alert(1))',
      flows: [{ material: '*wool*', direction: 'OUT', quantity: 1, unit: '<t>' }],
      links: ['https://example.org/a b?q=<x>', 'http://example.org/'],
    });
    const markdown = toMarkdown('Title with ](evil)', content, checkCircularity(content));
    expect(markdown).toContain('# Title with \\](evil)\n');
    expect(markdown).toContain(
      '- \\# Not a heading\\\n  \\- not a list\\\n  \\<img src=x onerror=alert(1)\\>\\\n  \\[click\\](javascript:alert(1))\n  - Out: \\*wool\\*, 1 \\<t\\>\n  - <https://example.org/a%20b?q=%3Cx%3E>\n  - <http://example.org/>',
    );
    expect(markdown).not.toMatch(/^#+ Not/m);
  });

  it('says when a block has no cards, and renders a link that is not a URL as text', () => {
    const content = withCard({ text: 'x', links: ['javascript:alert(1)'] });
    const markdown = toMarkdown('', content, checkCircularity(content));
    expect(markdown.startsWith('# Untitled canvas\n')).toBe(true);
    expect(markdown).toContain('## Channels\n\n_No cards yet._\n');
    expect(markdown).toContain('  - javascript:alert(1)');
  });
});

describe('toJson', () => {
  it('has the documented innomed-canvas/1 shape with every block, in a stable key order', () => {
    const content = textile();
    const report = checkCircularity(content);
    const json = toJson('Prato wool loop', content, report);
    const parsed = JSON.parse(json) as ReturnType<typeof toJsonExport>;
    expect(parsed.format).toBe(CANVAS_JSON_FORMAT);
    expect(Object.keys(parsed)).toEqual(['format', 'title', 'blocks', 'circularity']);
    expect(parsed.blocks.map(({ block }) => block)).toEqual(Object.values(CanvasBlock));
    expect(parsed.blocks[9]!.name).toBe('Take-back system');
    expect(Object.keys(parsed.blocks[0]!.cards[0]!)).toEqual(['id', 'text', 'authorId', 'colour', 'levers', 'flows', 'links', 'createdAt']);
    expect(parsed.blocks[0]!.cards[0]).toMatchObject({ id: 'card-1', levers: [ResolveLever.LOOP], createdAt: 1_700_000_000_000 });
    expect(Object.keys(parsed.circularity)).toEqual(['score', 'leversCovered', 'leversMissing', 'takeBackFilled', 'adoptionFactorsFilled', 'openFlows', 'gaps']);
    // The export keeps its format: the gaps as English words, not the server text the API adds.
    expect(parsed.circularity).toEqual({ ...report, gapTexts: undefined });
    expect(toJson('Prato wool loop', content, report)).toBe(json);
  });

  it('does not share arrays with the content it was made from', () => {
    const content = textile();
    const exported = toJsonExport('t', content, checkCircularity(content));
    exported.blocks[0]!.cards[0]!.levers.push(ResolveLever.SHARE);
    expect(content.blocks[0]!.cards[0]!.levers).toEqual([ResolveLever.LOOP]);
  });
});
