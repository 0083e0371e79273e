import type { Store } from '../data/normalize';
import { plural } from '../lib/format';
import type { Claim } from '../data/schema';
import { CitedSources } from './cited-sources';
import { FigureLinks } from './figure-links';

type Props = {
  store: Store;
  claim: Claim;
  onOpen: (id: string) => void;
  /** The heading level where the lists sit (a details panel uses h3, a claim card h5). */
  heading: 'h3' | 'h5';
  className: string;
};

/** What a claim was checked against: its figures, then the studies whose finding it cites in words. */
export function ClaimEvidence({ store, claim: c, onOpen, heading: H, className }: Props) {
  return (
    <>
      {c.evidence.length > 0 && (
        <>
          <H>Checked against {plural(c.evidence.length, 'figure', 'figures')}</H>
          <FigureLinks store={store} ids={c.evidence} onOpen={onOpen} className={className} />
        </>
      )}
      {c.evidenceSources && (
        <>
          <H>Studies whose finding is stated in words</H>
          <CitedSources store={store} ids={c.evidenceSources} className={className} />
        </>
      )}
    </>
  );
}
