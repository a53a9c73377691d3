import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { buildSchema, parse, specifiedRules, validate, NoUnusedFragmentsRule, type DocumentNode } from 'graphql';

// Every `graphql(...)` document of the web client, validated against the committed schema.graphql.
// gql.tada's types check selections, but not every mistake: a wrong argument name
// (`markNotificationsRead(ids:)` after its rename to `notificationIds`) type-checks and only fails on the
// hub. graphql-js `validate` catches it here.
const SRC = join(process.cwd(), 'apps/web/src');
const schema = buildSchema(readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8'));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

interface Doc {
  /** The const it is assigned to (how other documents pass it as a fragment). */
  name: string;
  where: string;
  source: string;
  /** Names of the documents passed as gql.tada's second argument. */
  uses: string[];
}

function findDocuments(file: string, text: string): Doc[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const docs: Doc[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'graphql') {
      const [first, second] = node.arguments;
      if (!first || !ts.isNoSubstitutionTemplateLiteral(first)) {
        throw new Error(`${file}: graphql() must take a template literal without substitutions`);
      }
      const uses = second && ts.isArrayLiteralExpression(second) ? second.elements.map((e) => e.getText(source)) : [];
      const parent = node.parent;
      const name = ts.isVariableDeclaration(parent) ? parent.name.getText(source) : `<anonymous>`;
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      docs.push({ name, where: `${relative(SRC, file)}:${line} ${name}`, source: first.text, uses });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return docs;
}

/** The document with the fragments it uses, transitively, as gql.tada composes them. */
function compose(doc: Doc, byName: Map<string, Doc>): DocumentNode {
  const seen = new Set<string>();
  const sources: string[] = [];
  const add = (d: Doc) => {
    if (seen.has(d.name)) return;
    seen.add(d.name);
    sources.push(d.source);
    for (const used of d.uses) {
      const fragment = byName.get(used);
      if (!fragment) throw new Error(`${doc.where}: fragment document ${used} not found`);
      add(fragment);
    }
  };
  add(doc);
  return parse(sources.join('\n'));
}

function errorsOf(doc: Doc, byName: Map<string, Doc>): string[] {
  const document = compose(doc, byName);
  const onlyFragments = document.definitions.every((d) => d.kind === 'FragmentDefinition');
  // A fragment document on its own is "unused"; it is checked again inside every operation using it.
  const rules = onlyFragments ? specifiedRules.filter((r) => r !== NoUnusedFragmentsRule) : specifiedRules;
  return validate(schema, document, rules).map((e) => e.message);
}

const files = walk(SRC).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
const docs = files.flatMap((f) => findDocuments(f, readFileSync(f, 'utf8')));
const byName = new Map(docs.map((d) => [d.name, d]));

describe('web client GraphQL documents', () => {
  it('are found', () => {
    expect(docs.length).toBeGreaterThanOrEqual(30);
  });

  it.each(docs.map((d) => [d.where, d]))('%s is valid against schema.graphql', (_where, doc) => {
    expect(errorsOf(doc, byName)).toEqual([]);
  });

  it('catches a wrong argument name', () => {
    const wrong = { name: 'Wrong', where: 'test', uses: [], source: 'mutation Wrong($ids: [ID!]) { markNotificationsRead(ids: $ids) }' };
    expect(errorsOf(wrong, byName).join('\n')).toMatch(/Unknown argument "ids"/);
  });

  it('catches a field missing from a fragment another file composes', () => {
    const wrong = { name: 'Wrong', where: 'test', uses: ['ChallengeCard'], source: 'query Wrong { challenge(challengeId: "1") { ...ChallengeCard noSuchField } }' };
    expect(errorsOf(wrong, byName).join('\n')).toMatch(/noSuchField/);
  });
});
