import { useSyncExternalStore } from 'react';
import { getSessionState, subscribeSession, type SessionState } from './session';
import { isOnline, subscribeConnection } from './connection';

export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribeSession, getSessionState);
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeConnection, isOnline);
}
