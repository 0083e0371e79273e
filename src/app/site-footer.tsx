type Props = { version?: string; reviewed?: string };

/** Dataset version and review date, and the plain-language medical disclaimer. */
export function SiteFooter({ version, reviewed }: Props) {
  return (
    <footer className="site-footer">
      <p className="disclaimer">
        <strong>Not medical advice.</strong> This site summarises published research so you can read it critically. It
        cannot tell you which treatment is right for you. Talk to a qualified clinician before starting, stopping or
        changing any treatment. If you are in crisis, contact your local emergency number now.
      </p>
      {version && (
        <p className="dataset-meta">
          Dataset version <span data-testid="dataset-version">{version}</span>, last reviewed{' '}
          <time dateTime={reviewed}>{reviewed}</time>. The data files are open JSON, in the project’s data folder.
        </p>
      )}
    </footer>
  );
}
