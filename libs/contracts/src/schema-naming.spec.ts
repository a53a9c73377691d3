import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, type GraphQLInputType } from 'graphql';

/** The naming convention of docs/api.md ("Naming"), checked on the printed schema. */
describe('schema.graphql naming', () => {
  const schema = buildSchema(readFileSync(resolve(process.cwd(), 'schema.graphql'), 'utf8'));
  const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));

  it('has no internal suffixes in type names', () => {
    const leaking = types.map((type) => type.name).filter((name) => /(Model|Dto|Entity|Row)$/.test(name));
    expect(leaking).toEqual([]);
  });

  it('names every argument and input field that holds ids <thing>Id or <thing>Ids', () => {
    const isIdList = (type: GraphQLInputType): boolean => {
      const inner = isNonNullType(type) ? type.ofType : type;
      return isListType(inner);
    };
    const wrong: string[] = [];
    for (const type of types) {
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) {
            if (getNamedType(arg.type).name !== 'ID') continue;
            const ok = isIdList(arg.type) ? /[a-z]Ids$/.test(arg.name) : /[a-z]Id$/.test(arg.name);
            const where = `${type.name}.${field.name}(${arg.name})`;
            if (!ok) wrong.push(where);
          }
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (getNamedType(field.type).name !== 'ID') continue;
          // `mentions` is the list of mentioned users in a chat message, a field shared with the socket payload.
          if (field.name === 'mentions') continue;
          const ok = isIdList(field.type) ? /[a-z]Ids$/.test(field.name) : /[a-z]Id$/.test(field.name);
          if (!ok) wrong.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('describes every enum value', () => {
    const undescribed = types
      .filter((type) => isEnumType(type))
      .flatMap((type) => (isEnumType(type) ? type.getValues().filter((value) => !value.description).map((value) => `${type.name}.${value.name}`) : []));
    expect(undescribed).toEqual([]);
  });

  it.each([
    ['ChallengeActivity', 'kind', 'ChallengeActivityKind'],
    ['NetworkActivity', 'kind', 'NetworkActivityKind'],
    ['OrganisationChange', 'change', 'OrganisationChangeKind'],
    ['MaterialFlow', 'direction', 'MaterialFlowDirection'],
  ])('types %s.%s as an enum with every value described', (typeName, fieldName, enumName) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    const fieldType = getNamedType(type.getFields()[fieldName]!.type);
    expect(fieldType.name).toBe(enumName);
    if (!isEnumType(fieldType)) throw new Error(`${enumName} is not an enum`);
    expect(fieldType.getValues().filter((value) => !value.description).map((value) => value.name)).toEqual([]);
  });
});
