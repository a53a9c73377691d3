/** Whether the hub is reachable, as the client last saw it; the layout shows a banner while it is not. */
let online = true;
const listeners = new Set<() => void>();

export function isOnline(): boolean {
  return online;
}

export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setOnline(next: boolean): void {
  if (next === online) return;
  online = next;
  for (const listener of listeners) listener();
}
