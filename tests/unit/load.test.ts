import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { rawFixture } from '../fixtures/load-fixture';

function fakeFetch(overrides: Record<string, () => Response | Promise<Response>> = {}): typeof fetch {
  const raw = rawFixture();
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    const file = url.split('/').pop() ?? '';
    const override = overrides[file];
    if (override) return override();
    const key = file.replace('.json', '') as keyof typeof raw;
    return new Response(JSON.stringify(raw[key]), { status: 200 });
  }) as typeof fetch;
}

describe('loadDataset', () => {
  it('fetches the four files relative to the page and builds a frozen, indexed store', async () => {
    const seen: string[] = [];
    const base = fakeFetch();
    const result = await loadDataset('https://example.org/sub/path/', (input, init) => {
      seen.push(String(input));
      return base(input, init);
    });
    expect(seen.sort()).toEqual([
      'https://example.org/sub/path/data/claims.json',
      'https://example.org/sub/path/data/outcomes.json',
      'https://example.org/sub/path/data/sources.json',
      'https://example.org/sub/path/data/treatments.json',
    ]);
    expect(result.status).toBe('ready');
    if (result.status === 'ready') {
      expect(result.store.sourceById.get('feder-2021')?.year).toBe(2021);
      expect(result.store.outcomesBySource.get('feder-2021')).toHaveLength(3);
      expect(Object.isFrozen(result.store.outcomes[0])).toBe(true);
    }
  });

  it('reports an HTTP error per file', async () => {
    const result = await loadDataset(
      'https://example.org/',
      fakeFetch({ 'outcomes.json': () => new Response('nope', { status: 404, statusText: 'Not Found' }) }),
    );
    expect(result).toEqual({
      status: 'fetch-failed',
      failures: [{ file: 'outcomes.json', message: 'the server answered 404 Not Found' }],
    });
  });

  it('reports a network failure', async () => {
    const result = await loadDataset(
      'https://example.org/',
      fakeFetch({ 'claims.json': () => Promise.reject(new TypeError('Failed to fetch')) }),
    );
    expect(result.status).toBe('fetch-failed');
    expect(result.status === 'fetch-failed' && result.failures[0]?.message).toContain('Failed to fetch');
  });

  it('reports a file that is not JSON as a dataset problem', async () => {
    const result = await loadDataset(
      'https://example.org/',
      fakeFetch({ 'sources.json': () => new Response('<html>', { status: 200 }) }),
    );
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.issues[0]).toMatchObject({
      file: 'sources.json',
      message: expect.stringContaining('not valid JSON'),
    });
  });
});
