import { GraphQLISODateTime } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { DATE_TIME_HINT, parseDateTime } from '@app/contracts';

function strict(value: unknown): Date {
  const date = typeof value === 'string' ? parseDateTime(value) : null;
  if (!date) throw new GraphQLError(`Expected ${DATE_TIME_HINT}; impossible days (30 February) are refused, not rolled over.`);
  return date;
}

/**
 * Every DateTime in the schema is Nest's one `GraphQLISODateTime` object (models and inputs of every
 * module name it); its own parsing is `new Date(value)`, which rolls "2027-02-30T10:00:00Z" over to
 * 2 March and reads a value without a zone as server-local time. Its parse functions are replaced once,
 * here, before the schema is built, so every DateTime argument in every module is parsed strictly
 * (RFC 3339 with a zone, calendar-valid) without a second scalar of the same name.
 */
export function makeDateTimeStrict(): void {
  GraphQLISODateTime.description = `A date and time with a zone (RFC 3339), such as 2027-03-01T10:00:00Z or 2027-03-01T11:00:00+01:00; values without a zone or on days that do not exist (2027-02-30) are refused. Returned in UTC.`;
  GraphQLISODateTime.parseValue = strict;
  GraphQLISODateTime.parseLiteral = (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`Expected ${DATE_TIME_HINT}.`);
    return strict(ast.value);
  };
}
