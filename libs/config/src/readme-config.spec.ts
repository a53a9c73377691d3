import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_VARIABLES } from './config.schema.js';

describe('README configuration table', () => {
  it('documents every variable the hub reads', () => {
    const readme = readFileSync(resolve(process.cwd(), 'README.md'), 'utf8');
    const missing = CONFIG_VARIABLES.filter((v) => !readme.includes(`| \`${v.name}\` |`)).map((v) => v.name);
    expect(missing).toEqual([]);
  });
});
