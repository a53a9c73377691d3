import type { Ack } from './socket-events.js';

/**
 * The co-editing namespace (`/canvas`). A canvas is a Yjs document; the hub speaks the standard
 * y-protocols messages (sync step 1, sync step 2, update; awareness), each carried whole as the
 * `data` of a `canvas:message` event — the same bytes y-websocket puts in one WebSocket frame:
 * a varUint message type (0 sync, 1 awareness) followed by the y-protocols payload.
 *
 * Durability: an update (sync step 2 or update) is appended to PostgreSQL before it is relayed to
 * anyone or acknowledged; the ack of a `canvas:message` that carried one has its `seq`.
 */
export const CANVAS_NAMESPACE = '/canvas';

/** y-websocket's message types, first varUint of every `data`. */
export const CanvasMessageType = { SYNC: 0, AWARENESS: 1 } as const;

/** The eleven blocks of the Circular Business Model Canvas (Lewandowski 2016). */
export enum CanvasBlock {
  KEY_PARTNERS = 'KEY_PARTNERS',
  KEY_ACTIVITIES = 'KEY_ACTIVITIES',
  KEY_RESOURCES = 'KEY_RESOURCES',
  VALUE_PROPOSITIONS = 'VALUE_PROPOSITIONS',
  CUSTOMER_RELATIONSHIPS = 'CUSTOMER_RELATIONSHIPS',
  CHANNELS = 'CHANNELS',
  CUSTOMER_SEGMENTS = 'CUSTOMER_SEGMENTS',
  COST_STRUCTURE = 'COST_STRUCTURE',
  REVENUE_STREAMS = 'REVENUE_STREAMS',
  TAKE_BACK_SYSTEM = 'TAKE_BACK_SYSTEM',
  ADOPTION_FACTORS = 'ADOPTION_FACTORS',
}

export enum CanvasRole {
  EDITOR = 'EDITOR',
  VIEWER = 'VIEWER',
}

export interface CanvasOpenResult {
  canvasId: string;
  role: CanvasRole;
  /** Sequence number of the last stored update. */
  seq: number;
  /** Version of the document layout (`CANVAS_DOCUMENT_LAYOUT_VERSION`, canvas-document.ts) the hub reads and writes. */
  layoutVersion: number;
}

export interface CanvasMessagePayload {
  canvasId: string;
  data: Uint8Array;
}

export interface CanvasServerToClientEvents {
  'canvas:message': (payload: CanvasMessagePayload) => void;
  /** The socket no longer takes part in this canvas: access ended or it was archived. */
  'canvas:closed': (payload: { canvasId: string; reason: 'ACCESS_REVOKED' | 'ARCHIVED' }) => void;
  /** The caller's role changed (an editor became a viewer, or the reverse). */
  'canvas:role': (payload: { canvasId: string; role: CanvasRole }) => void;
  'session:ended': (payload: { reason: 'TOKEN_EXPIRED' | 'LOGGED_OUT' | 'SESSION_REVOKED' }) => void;
}

export interface CanvasClientToServerEvents {
  /** Join a canvas; the server then sends its sync step 1 and the current awareness states. */
  'canvas:open': (payload: { canvasId: string }, ack: (result: Ack<CanvasOpenResult>) => void) => void;
  'canvas:close': (payload: { canvasId: string }, ack: (result: Ack) => void) => void;
  /** A y-protocols message; updates from viewers, malformed or oversized ones are refused, unstored. */
  'canvas:message': (payload: CanvasMessagePayload, ack: (result: Ack<{ seq: number | null }>) => void) => void;
}

export const CANVAS_CLIENT_EVENTS = ['canvas:open', 'canvas:close', 'canvas:message'] as const satisfies readonly (keyof CanvasClientToServerEvents)[];
