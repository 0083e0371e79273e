import { ErrorScreen } from './error-screen';
import { LoadingScreen } from './loading-screen';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { useDataset, type Loader } from './use-dataset';
import { Dashboard } from './dashboard';

type Props = { loader?: Loader };

/** Loading → (error | dashboard). No view renders until the whole dataset has passed. */
export function App({ loader }: Props) {
  const [state, retry] = useDataset(loader);
  if (state.status === 'ready') return <Dashboard store={state.store} />;
  return (
    <div className="page">
      <SiteHeader />
      <main id="main" className="main">
        {state.status === 'loading' && <LoadingScreen />}
        {state.status === 'invalid' && <ErrorScreen kind="invalid" issues={state.issues} onRetry={retry} />}
        {state.status === 'fetch-failed' && (
          <ErrorScreen kind="fetch-failed" failures={state.failures} onRetry={retry} />
        )}
      </main>
      <SiteFooter />
    </div>
  );
}
