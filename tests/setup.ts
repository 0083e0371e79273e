import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // The URL holds the view; every test starts from a bare one.
  window.history.replaceState(null, '', '/');
});
