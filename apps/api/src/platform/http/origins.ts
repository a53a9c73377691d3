/**
 * Browsers send Origin on cross-site requests and WebSocket handshakes; servers and CLIs usually do
 * not. A request without Origin is allowed (it cannot be a cross-site browser request); one with an
 * Origin must be on the allow-list.
 */
export function isOriginAllowed(origin: string | undefined, allowed: string[]): boolean {
  if (!origin) return true;
  return allowed.includes('*') || allowed.includes(origin);
}
