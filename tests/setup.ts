import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Views load as lazy chunks; on a busy 2-core machine the first import can take over a second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  // The URL holds the view; every test starts from a bare one.
  window.history.replaceState(null, '', '/');
});
