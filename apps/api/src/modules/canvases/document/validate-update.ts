import * as Y from 'yjs';

export interface UpdateLimits {
  /** Largest accepted update, in bytes. */
  maxBytes: number;
}

export type UpdateInspection = { ok: true } | { ok: false; reason: 'MALFORMED' | 'TOO_LARGE' };

/**
 * Whether an incoming update (Yjs v1 encoding, as y-protocols carries it) may be stored and relayed.
 * The size is checked first, so an oversized message is refused without being read. Decoding reads
 * the whole update into detached structs, touching no document: bytes that are not an update throw
 * inside it (truncated, an impossible length, broken JSON content) and are reported as MALFORMED.
 * Never throws.
 *
 * Decoding alone is not enough: Yjs trusts that an item refers only to earlier items of its own
 * client (a client can only build on what it already made), waits for missing items of other
 * clients, but does not check its own client's, and `applyUpdate` then throws half-way through a
 * transaction. Such items are refused here too.
 */
export function inspectUpdate(update: Uint8Array, limits: UpdateLimits): UpdateInspection {
  if (!(update instanceof Uint8Array)) return { ok: false, reason: 'MALFORMED' };
  if (update.byteLength > limits.maxBytes) return { ok: false, reason: 'TOO_LARGE' };
  try {
    const { structs } = Y.decodeUpdate(update);
    return structs.every(refersOnlyBackwards) ? { ok: true } : { ok: false, reason: 'MALFORMED' };
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
}

function refersOnlyBackwards(struct: Y.Item | Y.GC | Y.Skip): boolean {
  if (!(struct instanceof Y.Item)) return true;
  const { client, clock } = struct.id;
  const parent: unknown = struct.parent;
  const references = [struct.origin, struct.rightOrigin, parent instanceof Y.ID ? parent : null];
  return references.every((reference) => reference === null || reference.client !== client || reference.clock < clock);
}
