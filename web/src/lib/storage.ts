import type { SessionStore, ValueStore } from './api/client';

function safeStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null; // storage disabled: keep values in memory only
  }
}

/** A string kept in localStorage (and in memory when storage is unavailable). */
export function localValue(key: string): ValueStore {
  let memory: string | null = null;
  return {
    get() {
      const storage = safeStorage();
      return storage ? storage.getItem(key) : memory;
    },
    set(value) {
      memory = value;
      const storage = safeStorage();
      if (!storage) return;
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
    },
  };
}

/**
 * The session's access token, in memory only; localStorage keeps just a flag
 * that this browser has a session cookie to resume with after a reload.
 */
export function memorySession(flagKey: string): SessionStore {
  const flag = localValue(flagKey);
  let access: string | null = null;
  return {
    get: () => access,
    set(token) {
      access = token;
      flag.set(token ? '1' : null);
    },
    resumable: () => access !== null || flag.get() !== null,
  };
}
