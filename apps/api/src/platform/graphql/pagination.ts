import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsBase64, IsInt, IsOptional, Max, MaxLength, Min, isISO8601, isUUID } from 'class-validator';
import type { Type } from '@nestjs/common';
import { DomainException } from '@api/platform/errors/domain.exception.js';

/** Forward pagination, 1–100 items a page (the cap every connection shares). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { description: 'How many items to return, 1 to 100.', defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(100)
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
