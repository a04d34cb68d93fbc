import { Component, lazy, Suspense, type ReactNode } from 'react';

// The dashboard (and echarts with it) is its own chunk, fetched only when a lead opens the page:
// the annotate page's bundle does not grow with it.
const AgreementDashboard = lazy(() => import('./AgreementDashboard').then((m) => ({ default: m.AgreementDashboard })));

/** A chunk that fails to arrive (offline, a new deploy) says so instead of blanking the app. */
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="page narrow">
        <h1>The agreement dashboard could not be loaded</h1>
        <p role="alert">Check your connection and reload the page.</p>
      </main>
    );
  }
}

/** /projects/:project/agreement (lead+). */
export function AgreementPage({ project }: { project: string }) {
  return (
    <ChunkBoundary>
      <Suspense fallback={<p className="page loading">Loading the agreement dashboard…</p>}>
        <AgreementDashboard project={project} />
      </Suspense>
    </ChunkBoundary>
  );
}
