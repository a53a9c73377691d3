/**
 * The meetings export as CSV (RFC 4180) for spreadsheets. Two things spreadsheets get wrong unless told:
 * - without a UTF-8 byte-order mark, Excel on Windows reads the file in the ANSI code page and garbles
 *   Arabic, Greek and accented names, so the document starts with U+FEFF;
 * - a cell starting with `=`, `+`, `-`, `@` (or their full-width forms), a tab or a carriage return can
 *   be run as a formula (a tab or spaces before `=` too, as spreadsheets skip them). Such a cell gets a
 *   leading `'`, which spreadsheets show as text; the rest of the cell, its tabs included, is kept as
 *   it was, and a cell holding a tab is quoted so that no reader trims it.
 */

export const BYTE_ORDER_MARK = '\uFEFF';

const FORMULA_START = /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

export function csvCell(value: string): string {
  const defused = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n\t]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** Rows to a CSV document: byte-order mark, CRLF line ends, a CRLF after the last row. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return BYTE_ORDER_MARK + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
