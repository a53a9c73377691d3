import { csvCell, csvDocument } from './meetings-csv.js';

describe('meetings CSV', () => {
  it('starts with a UTF-8 byte-order mark and ends every row with CRLF', () => {
    const doc = csvDocument([
      ['a', 'b'],
      ['Αθήνα', 'المدينة'],
    ]);
    expect(doc.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(doc, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(doc.slice(1)).toBe('a,b\r\nΑθήνα,المدينة\r\n');
  });

  it('defuses formula-like cells and keeps leading tabs, quoted', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+39 0574')).toBe(`'+39 0574`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('＝1+1')).toBe(`'＝1+1`);
    // A leading tab is kept (not stripped) behind the apostrophe, and quoted so no reader trims it.
    expect(csvCell('\tAtelier')).toBe(`"'\tAtelier"`);
    expect(csvCell('\t=1+1')).toBe(`"'\t=1+1"`);
    expect(csvCell('  =1+1')).toBe(`'  =1+1`);
    expect(csvCell('Atelier Médina')).toBe('Atelier Médina');
    expect(csvCell('Prato, Italy')).toBe('"Prato, Italy"');
  });
});
