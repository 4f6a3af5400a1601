import { useEffect } from 'preact/hooks';
import { ApiError } from './api/client';
import { KeyPrompt } from './components/key-prompt';
import { Layout } from './components/layout';
import { ErrorView } from './components/states';
import { useAuth } from './lib/auth';
import { connectLive } from './lib/live';
import { type Route, useRoute } from './lib/router';
import { AgentPage } from './pages/agent';
import { AgentsPage } from './pages/agents';
import { ModelsPage } from './pages/models';
import { OverviewPage } from './pages/overview';
import { SessionPage } from './pages/session';
import { SessionsPage } from './pages/sessions';
import { SyncPage } from './pages/sync';

function page(route: Route) {
  const [first = '', second] = route.segments;
  if (first === '' && second === undefined) return <OverviewPage route={route} />;
  if (first === 'sessions') {
    return second === undefined ? (
      <SessionsPage route={route} />
    ) : (
      <SessionPage key={second} id={second} route={route} />
    );
  }
  if (first === 'agents') {
    return second === undefined ? (
      <AgentsPage route={route} />
    ) : (
      <AgentPage key={second} name={second} route={route} />
    );
  }
  if (first === 'models') return <ModelsPage route={route} />;
  if (first === 'sync') return <SyncPage />;
  return (
    <ErrorView error={new ApiError(404, 'NOT_FOUND', `No page at #/${route.segments.join('/')}`)} />
  );
}

export function App() {
  const route = useRoute();
  const auth = useAuth();
  useEffect(() => {
    // A new key (auth.epoch) opens a new stream: a refused one is not retried.
    return connectLive();
  }, [auth.epoch]);
  return (
    <>
      <Layout route={route}>{page(route)}</Layout>
      {auth.needKey && <KeyPrompt rejected={auth.rejected} />}
    </>
  );
}
