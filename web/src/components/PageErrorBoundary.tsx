import { Component, type ReactNode } from 'react';

/**
 * Stands in for a page that failed: one that threw while rendering, or whose
 * code could not be fetched (lazy routes: PocketShop was updated since the
 * tab opened, and the old chunk is gone, or the connection dropped). The
 * header and footer stay, so the way elsewhere does too, and going to
 * another path (`path`) tries again. A failed chunk is not fetched again
 * until the document reloads, hence the button.
 */
type Props = { path: string; children: ReactNode };
type State = { failed: boolean; path: string };

export class PageErrorBoundary extends Component<Props, State> {
  state: State = { failed: false, path: this.props.path };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.path === state.path ? null : { failed: false, path: props.path };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="section">
        <div className="notification is-danger is-light" role="alert">
          <p className="has-text-weight-bold">This page could not be shown.</p>
          <p>
            PocketShop may have been updated since you opened it, or the connection dropped:
            reloading usually helps.
          </p>
          <button type="button" className="button mt-3" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </section>
    );
  }
}
