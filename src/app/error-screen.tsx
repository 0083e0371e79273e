import { useEffect, useRef } from 'react';
import type { DataIssue } from '../data/check';
import type { FetchFailure } from '../data/load';
import { formatNumber } from '../lib/format';

/** The longest piece of an issue printed; a megabyte-long id or value in the data stays readable. */
const MAX_TEXT = 200;
/** The most issues listed; a file broken throughout still gives a page that can be read. */
const MAX_ISSUES = 100;

/** Shortens one piece of an issue, saying how long it was. */
export function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${formatNumber(text.length)} characters in all)` : text;
}

type Props =
  | { kind: 'invalid'; issues: DataIssue[]; onRetry: () => void }
  | { kind: 'fetch-failed'; failures: FetchFailure[]; onRetry: () => void };

/** Shown instead of any data when the dataset cannot be trusted: what is wrong, and where. */
export function ErrorScreen(props: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="error-screen" aria-labelledby="error-title">
      {props.kind === 'fetch-failed' ? (
        <>
          <h2 id="error-title" ref={heading} tabIndex={-1}>
            The dataset could not be loaded
          </h2>
          <p>
            Nothing is shown rather than part of the evidence. Check your connection and try again; if it keeps failing,
            the site may be missing its data files.
          </p>
          <ul className="issue-list">
            {props.failures.map((f) => (
              <li key={f.file}>
                {f.file ? (
                  <>
                    <code>data/{f.file}</code> {clip(f.message)}
                  </>
                ) : (
                  clip(f.message)
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <h2 id="error-title" ref={heading} tabIndex={-1}>
            The dataset did not pass its checks
          </h2>
          <p>
            {props.issues.length === 1 ? 'One problem was' : `${props.issues.length} problems were`} found, so no
            figures are shown: a dashboard that showed part of the data could mislead. Each line reads{' '}
            <em>file → record → field: what is wrong</em>.
          </p>
          <ol className="issue-list">
            {props.issues.slice(0, MAX_ISSUES).map((issue, i) => (
              <li key={i}>
                <code>{issue.file}</code>
                {issue.record && (
                  <>
                    {' → '}
                    <code>{clip(issue.record)}</code>
                  </>
                )}
                {issue.field && (
                  <>
                    {' → '}
                    <code>{clip(issue.field)}</code>
                  </>
                )}
                : {clip(issue.message)}
              </li>
            ))}
          </ol>
          {props.issues.length > MAX_ISSUES && (
            <p>
              The first {MAX_ISSUES} are listed; <code>npm run validate:data</code> lists all{' '}
              {formatNumber(props.issues.length)}.
            </p>
          )}
        </>
      )}
      <button type="button" className="button" onClick={props.onRetry}>
        Try again
      </button>
    </section>
  );
}
