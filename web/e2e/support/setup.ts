import { afterEach, expect } from 'vitest';
import { takeUncaughtPageErrors } from './browser';

// An error a page threw that nothing caught is a bug: it fails the test it
// happened in (or the next one, when it came after that test had ended).
afterEach(() => {
  expect(takeUncaughtPageErrors(), 'uncaught errors in the page').toEqual([]);
});
