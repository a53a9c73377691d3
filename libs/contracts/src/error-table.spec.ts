import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ErrorCode } from './error-codes.js';

/** docs/api.md "Errors" lists every code a client can receive, and only those. */
describe('docs/api.md error table', () => {
  const doc = readFileSync(resolve(process.cwd(), 'docs/api.md'), 'utf8');
  const section = doc.split(/^## /m).find((part) => part.startsWith('Errors\n'));
  const documented = new Set<string>();
  for (const line of (section ?? '').split('\n')) {
    const first = line.match(/^\| ([^|]+) \|/)?.[1];
    if (!first) continue;
    for (const code of first.matchAll(/`([A-Z_]+)`/g)) documented.add(code[1]!);
  }

  it('has an Errors section with a table', () => {
    expect(section).toBeDefined();
    expect(documented.size).toBeGreaterThan(0);
  });

  it('documents every code of the ErrorCode enum', () => {
    expect(Object.values(ErrorCode).filter((code) => !documented.has(code))).toEqual([]);
  });

  it('documents no code the enum lacks', () => {
    expect([...documented].filter((code) => !(Object.values(ErrorCode) as string[]).includes(code))).toEqual([]);
  });
});
