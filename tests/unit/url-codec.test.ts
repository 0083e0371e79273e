import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState } from '../../src/state/url-codec';
import { DEFAULT_VIEW_STATE, VIEWS } from '../../src/state/view-state';

describe('view state codec', () => {
  it('round-trips every view', () => {
    for (const view of VIEWS) expect(parseViewState(serializeViewState({ view }))).toEqual({ view });
  });
  it('omits defaults', () => {
    expect(serializeViewState(DEFAULT_VIEW_STATE)).toBe('');
  });
  it.each(['?view=hack', '?view=', '?%%%', '?view=<script>', ''])('falls back to the default for %s', (junk) => {
    expect(parseViewState(junk)).toEqual(DEFAULT_VIEW_STATE);
  });
});
