import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { client } from '../lib/api';

afterEach(() => {
  cleanup();
  client.session.set(null); // the access token lives in memory
  localStorage.clear();
  sessionStorage.clear(); // a checkout's address draft
});
