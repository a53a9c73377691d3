// Jest runs the TypeScript sources as ES modules (NestJS 12 ships ESM only; Node 20 needs
// --experimental-vm-modules for that, see package.json). Path aliases come from tsconfig.json.
import { readFileSync } from 'node:fs';

const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8'));
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
  // `@api/x/y.js` maps to the `.ts` source: the `.js` suffix is dropped and Jest finds the `.ts`.
  const from = '^' + alias.replace('/*', '/(.*?)(?:\\.js)?').replace(/\//g, '\\/') + '$';
  moduleNameMapper[from] = '<rootDir>/' + target.replace('/*', '/$1').replace(/\.ts$/, '');
}

const transform = {
  '^.+\\.ts$': [
    'ts-jest',
    {
      useESM: true,
      tsconfig: {
        module: 'esnext',
        moduleResolution: 'bundler',
        target: 'es2023',
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        esModuleInterop: true,
        isolatedModules: true,
        strict: true,
        strictPropertyInitialization: false,
        ignoreDeprecations: '6.0',
      },
    },
  ],
};

const common = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform,
};

export default {
  // Global, not per project: end-to-end suites start hubs and wait on real sockets.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
    },
  ],
};
