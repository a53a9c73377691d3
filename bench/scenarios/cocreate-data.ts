/**
 * The cocreate scenario's people and canvases on the hub: one organisation per canvas whose members
 * are that canvas' editors, all organisations in one public network, and the canvases made through
 * the hub's own `createCanvas` mutation. People, organisations and memberships are plain rows (SQL);
 * the network and the canvases go through GraphQL so the hub sets up whatever it keeps beside them.
 * Tokens are signed with the hub's secret, as its login would sign them.
 */
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { graphql } from '../lib/graphql-client.js';
import type { CanvasSpec } from './cocreate-workload.js';

export const EDITOR_EMAIL_DOMAIN = 'cocreate.bench.example.org';

const CREATE_NETWORK = `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }`;
const CREATE_CANVAS = `mutation($input: CreateCanvasInput!) { createCanvas(input: $input) { id } }`;

export function accessToken(secret: string, userId: string): string {
  return jwt.sign({ sid: randomUUID(), typ: 'access' }, secret, {
    algorithm: 'HS256',
    subject: userId,
    audience: 'innomed-hub',
    issuer: 'innomed-hub',
    // Longer than any run, so no socket is ended by an expiring token.
    expiresIn: 3 * 3600,
  });
}

export interface CocreateData {
  canvases: CanvasSpec[];
  networkId: string;
  organisationIds: string[];
}

/**
 * Empties the scenario's database of earlier runs (it is the scenario's own) and makes `canvases`
 * canvases with `editorsPerCanvas` editors each.
 */
export async function prepareCanvases(options: { databaseUrl: string; hubUrl: string; jwtSecret: string; canvases: number; editorsPerCanvas: number; log: (message: string) => void }): Promise<CocreateData> {
  const { canvases: canvasCount, editorsPerCanvas } = options;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let organisationIds: string[];
  let userIds: string[][];
  try {
    // Everything in this database is the benchmark's: start empty, so the storage figures are this run's.
    await client.query('TRUNCATE users, organisations, networks CASCADE');
    organisationIds = Array.from({ length: canvasCount }, () => randomUUID());
    userIds = organisationIds.map(() => Array.from({ length: editorsPerCanvas }, () => randomUUID()));
    await client.query(
      `INSERT INTO organisations (id, name, kind, country, city, description)
       SELECT t.id, 'Cocreate bench organisation ' || t.n, 'SME', 'IT', 'Prato', 'Benchmark organisation.'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [organisationIds],
    );
    const flat = userIds.flatMap((users, canvas) => users.map((id, editor) => ({ id, canvas, editor })));
    await client.query(
      `INSERT INTO users (id, email, password_hash, display_name, preferred_languages, country, time_zone)
       SELECT t.id, t.email, '!', t.name, '{it,en}', 'IT', 'Europe/Rome'
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, email, name)`,
      [flat.map((user) => user.id), flat.map((user) => `editor-${user.canvas}-${user.editor}@${EDITOR_EMAIL_DOMAIN}`), flat.map((user) => `Editor ${user.canvas + 1}.${user.editor + 1}`)],
    );
    // The first editor owns the organisation (and makes its canvas); the others are members, so editors.
    await client.query(
      `INSERT INTO organisation_memberships (organisation_id, user_id, role)
       SELECT t.organisation_id, t.user_id, t.role::organisation_role
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(organisation_id, user_id, role)`,
      [flat.map((user) => organisationIds[user.canvas]), flat.map((user) => user.id), flat.map((user) => (user.editor === 0 ? 'OWNER' : 'MEMBER'))],
    );
  } finally {
    await client.end();
  }

  const owner = (canvas: number): string => accessToken(options.jwtSecret, userIds[canvas]![0]!);
  const network = await graphql<{ createNetwork: { id: string } }>(
    options.hubUrl,
    CREATE_NETWORK,
    { input: { organisationId: organisationIds[0], kind: 'NETWORK', name: 'Cocreate bench network', countries: ['IT'], visibility: 'PUBLIC' } },
    owner(0),
  );
  if (!network.data?.createNetwork) throw new Error(`createNetwork failed (HTTP ${network.status}): ${JSON.stringify(network.errors)}`);
  const networkId = network.data.createNetwork.id;

  const members = new pg.Client({ connectionString: options.databaseUrl });
  await members.connect();
  try {
    await members.query(
      `INSERT INTO network_memberships (network_id, organisation_id, role) SELECT $1, unnest($2::uuid[]), 'MEMBER'`,
      [networkId, organisationIds.slice(1)],
    );
  } finally {
    await members.end();
  }

  const canvases: CanvasSpec[] = [];
  for (let canvas = 0; canvas < canvasCount; canvas += 1) {
    const created = await graphql<{ createCanvas: { id: string } }>(
      options.hubUrl,
      CREATE_CANVAS,
      { input: { networkId, organisationId: organisationIds[canvas], title: `Cocreate bench canvas ${canvas + 1}`, template: 'EMPTY' } },
      owner(canvas),
    );
    if (!created.data?.createCanvas) throw new Error(`createCanvas failed (HTTP ${created.status}): ${JSON.stringify(created.errors)}`);
    canvases.push({ id: created.data.createCanvas.id, editors: userIds[canvas]!.map((userId) => ({ userId, token: accessToken(options.jwtSecret, userId) })) });
  }
  options.log(`made ${canvasCount} organisations with ${editorsPerCanvas} members each, one network, ${canvases.length} canvases`);
  return { canvases, networkId, organisationIds };
}
