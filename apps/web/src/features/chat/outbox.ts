import { chatConnection } from '@/lib/chat-socket';

/** A message written but not yet acknowledged by the hub. */
export interface OutboxEntry {
  clientId: string;
  channelId: string;
  userId: string;
  body: string;
  queuedAt: number;
  /** Set when the hub refused it for good (BAD_USER_INPUT, FORBIDDEN…): shown, never resent. */
  error?: string;
}

const DB = 'innomed-chat';
const STORE = 'outbox';
/** Refusals worth another try later; any other code is final. */
const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']);
const RETRY_MS = 3_000;

let opening: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'clientId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
  return opening;
}

async function tx<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const database = await db();
  return new Promise((resolve, reject) => {
    const transaction = database.transaction(STORE, mode);
    const request = run(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** A client id as the hub accepts it (1–64 of A–Z a–z 0–9 - _). */
export function newClientId(): string {
  return crypto.randomUUID();
}

const listeners = new Set<() => void>();
function changed(): void {
  for (const listener of listeners) listener();
}

export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function outboxEntries(userId: string, channelId: string): Promise<OutboxEntry[]> {
  const all = await tx('readonly', (store) => store.getAll() as IDBRequest<OutboxEntry[]>);
  return all.filter((e) => e.userId === userId && e.channelId === channelId).sort((a, b) => a.queuedAt - b.queuedAt);
}

/**
 * Keeps the message in IndexedDB before anything is sent, so a reload or a closed tab never loses it,
 * then lets the flusher send it.
 */
export async function enqueue(entry: Omit<OutboxEntry, 'queuedAt'>): Promise<void> {
  await tx('readwrite', (store) => store.put({ ...entry, queuedAt: Date.now() }));
  changed();
  void flush(entry.userId);
}

export async function discard(clientId: string): Promise<void> {
  await tx('readwrite', (store) => store.delete(clientId));
  changed();
}

let flushing: Promise<void> | null = null;
let again = false;

/**
 * Sends the user's queued messages one at a time, oldest first, each with its original client id, so
 * they are stored in the order written and a resend after a lost ack is recognised as a duplicate.
 */
export function flush(userId: string): Promise<void> {
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    do {
      again = false;
      const all = await tx('readonly', (store) => store.getAll() as IDBRequest<OutboxEntry[]>);
      const queue = all.filter((e) => e.userId === userId && !e.error).sort((a, b) => a.queuedAt - b.queuedAt);
      for (const entry of queue) {
        if (!chatConnection.connected) return;
        let ack;
        try {
          ack = await chatConnection.send({ channelId: entry.channelId, clientId: entry.clientId, body: entry.body });
        } catch {
          // Disconnected or no ack in time: it stays queued; the next connection sends it again.
          return;
        }
        if (ack.ok) {
          await discard(entry.clientId);
        } else if (RETRYABLE.has(ack.error.code)) {
          setTimeout(() => void flush(userId), RETRY_MS);
          return;
        } else {
          await tx('readwrite', (store) => store.put({ ...entry, error: ack.error.code }));
          changed();
        }
      }
    } while (again);
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}
