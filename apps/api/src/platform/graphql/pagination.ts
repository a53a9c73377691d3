import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Kind, visit, type GraphQLError, type ValidationContext } from 'graphql';
import { IsBase64, IsInt, IsOptional, Max, MaxLength, Min, isISO8601, isUUID } from 'class-validator';
import type { Type } from '@nestjs/common';
import { DomainException } from '@api/platform/errors/domain.exception.js';

/** The most items one page holds, on every connection. */
export const MAX_PAGE_SIZE = 100;
const PAGE_SIZE_RULE = `first takes at most ${MAX_PAGE_SIZE} per page`;

/** Forward pagination, 1–100 items a page (the cap every connection shares). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { description: 'How many items to return, 1 to 100.', defaultValue: 20 })
  @IsInt({ message: 'first must be a whole number from 1 to 100' })
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: PAGE_SIZE_RULE })
  first = 20;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (`pageInfo.endCursor` of the previous page).' })
  @IsOptional()
  @IsBase64({ urlSafe: true })
  @MaxLength(200)
  after?: string;
}

@ObjectType({ description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Cursor of the last item on this page; pass it as `after` for the next page.' })
  endCursor: string | null;

  @Field({ description: 'Whether items follow this page.' })
  hasNextPage: boolean;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** A keyset cursor: the sort key and the id of the last item seen. */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

/**
 * A cursor comes back from the client, so it is checked like any input before it reaches SQL:
 * the id must be a UUID and a timestamp key an ISO date.
 */
export function decodeCursor(value: string | undefined, keyKind: 'text' | 'timestamp' = 'text'): Cursor | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      parsed[0].length <= 500 &&
      isUUID(parsed[1]) &&
      (keyKind === 'text' || isISO8601(parsed[0], { strict: true }))
    ) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through: a malformed cursor is the caller's mistake, not ours
  }
  throw DomainException.badInput('The cursor is not one this server gave out.', ['after']);
}

/** Fetch `first + 1` rows, then call this: it trims the extra row and tells whether more follow. */
export function toPage<T>(rows: T[], first: number, cursorOf: (row: T) => Cursor): Page<T> {
  const hasNextPage = rows.length > first;
  const nodes = hasNextPage ? rows.slice(0, first) : rows;
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage, endCursor: last ? encodeCursor(cursorOf(last)) : null } };
}

/** Declares `<Name>Connection { nodes, pageInfo }` for a model. */
export function Connection<T>(model: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType implements Page<T> {
    @Field(() => [model], { description: 'The items on this page.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'How to fetch the next page.' })
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

/**
 * The static cost limit multiplies a list's cost by its literal `first`, so `first: 1000` is refused
 * for its cost before the argument is validated. Called when the cost limit refuses an operation: if a
 * literal `first` or `last` is past the page size, the refusal says so, like the BAD_USER_INPUT that
 * `first: 101` gets.
 */
export function explainPageSize(context: ValidationContext | null, error: GraphQLError): void {
  if (!context) return;
  let largest = 0;
  visit(context.getDocument(), {
    Argument(node) {
      if ((node.name.value === 'first' || node.name.value === 'last') && node.value.kind === Kind.INT) largest = Math.max(largest, Number(node.value.value));
    },
  });
  // The error is thrown right after this handler: amending its message is how the hint reaches it.
  if (largest > MAX_PAGE_SIZE) error.message = `${error.message.replace(/\.$/, '')}: ${PAGE_SIZE_RULE} (found ${largest}).`;
}
