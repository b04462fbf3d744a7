import type { TokenStore, Tokens, ValueStore } from '../api/client';

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

/** Session tokens kept in localStorage so a reload stays signed in. */
export function localTokens(key: string): TokenStore {
  const value = localValue(key);
  return {
    get() {
      const text = value.get();
      if (!text) return null;
      try {
        const tokens = JSON.parse(text) as Tokens;
        return tokens.access && tokens.refresh ? tokens : null;
      } catch {
        return null;
      }
    },
    set(tokens) {
      value.set(tokens ? JSON.stringify(tokens) : null);
    },
  };
}
