import { VIEWS, VIEW_LABELS, type View } from '../state/view-state';

type Props = { view?: View; onNavigate?: (view: View) => void };

/** Product name, purpose, and the navigation between views. */
export function SiteHeader({ view, onNavigate }: Props) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <div>
          <h1 className="site-title">PTSD Treatment Evidence</h1>
          <p className="site-purpose">
            Ketamine, SSRIs and trauma-focused psychotherapy side by side — how fast, how long, how many, at what cost —
            with every number traced to its source.
          </p>
        </div>
        {onNavigate && (
          <nav aria-label="Views">
            <ul className="nav-list">
              {VIEWS.map((v) => (
                <li key={v}>
                  <a
                    href={`?view=${v}`}
                    aria-current={v === view ? 'page' : undefined}
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                      event.preventDefault();
                      onNavigate(v);
                    }}
                  >
                    {VIEW_LABELS[v]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}
