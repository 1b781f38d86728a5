// A part of the page that failed to render (model output that broke a parser, a bug in one view)
// is replaced by one sentence and, when there is one, its raw text as plain text, while the rest of
// the app keeps working. It tries again when what it shows changes (`resetKey`, or the raw text).
import { Component, type ErrorInfo, type ReactNode } from 'react';
import './ui.css';

interface Props {
  children: ReactNode;
  /** The text this part shows (model output), shown as plain text if it cannot be rendered. */
  raw?: string;
  /** What this part is, for the log ("the answer", "the pane"). */
  label?: string;
  /** A change of this value (or of `raw`) renders the children again. */
  resetKey?: unknown;
}

interface State {
  failed: boolean;
  raw: string | undefined;
  resetKey: unknown;
}

export const couldNotShow = 'This part could not be shown.';

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, raw: this.props.raw, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.raw === state.raw && props.resetKey === state.resetKey) return null;
    return { failed: false, raw: props.raw, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const what = this.props.label ?? 'a part of the page';
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Mull could not show ${what}: ${reason}`, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { raw } = this.props;
    return (
      <div className="error-boundary" role="note" aria-label="Could not be shown">
        <p className="error-boundary__note">{couldNotShow}</p>
        {raw !== undefined && raw !== '' && <pre className="error-boundary__raw">{raw}</pre>}
      </div>
    );
  }
}
