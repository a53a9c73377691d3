// Builds the API and the web client only when their sources changed since the last build, so a
// second `npm start` starts at once. Each build leaves a stamp; a build is stale when any input file
// is newer than its stamp (or the stamp or output is missing).
//   node scripts/build-if-stale.mjs            both
//   node scripts/build-if-stale.mjs web        only the web client
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const targets = {
  api: {
    inputs: ['apps/api', 'libs', 'tsconfig.json', 'nest-cli.json', 'package-lock.json'],
    output: 'dist/apps/api/apps/api/src/main.js',
    stamp: 'dist/.api-build-stamp',
    build: () => execFileSync(npx, ['nest', 'build', 'api'], { cwd: root, stdio: 'inherit' }),
  },
  web: {
    inputs: ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/tsconfig.json', 'schema.graphql', 'package-lock.json'],
    output: 'apps/web/dist/index.html',
    stamp: 'apps/web/dist/.build-stamp',
    build: () => execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit' }),
  },
};

function newest(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(full)) {
    // Generated files are outputs of the build, not inputs.
    if (entry === 'node_modules' || entry === 'dist' || entry === 'graphql-env.d.ts') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

const wanted = process.argv.slice(2);
for (const [name, target] of Object.entries(targets)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const stamp = join(root, target.stamp);
  const stale = !existsSync(join(root, target.output)) || !existsSync(stamp) || Math.max(...target.inputs.map(newest)) > statSync(stamp).mtimeMs;
  if (!stale) {
    console.log(`${name}: build is up to date, skipped`);
    continue;
  }
  const started = Date.now();
  target.build();
  writeFileSync(stamp, new Date().toISOString() + '\n');
  console.log(`${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
