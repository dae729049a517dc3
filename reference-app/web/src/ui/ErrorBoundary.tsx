// A part of a screen that failed to render (a bug, a library refusing its input) shows a French
// message with a retry in its place; the rest of the screen keeps working. `resetKey` starts it
// over when it changes (the path, say), so navigating away leaves the failure behind.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Failure } from './states';

/** Props of {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  children: ReactNode;
  /** What the user reads in place of the part that failed. */
  message?: string;
  /** A value whose change clears the failure. */
  resetKey?: unknown;
}

interface State {
  failed: boolean;
  key: unknown;
}

/** Catches a render failure below it and shows {@link Failure} with a retry instead. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  state: State = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('render failure', error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <Failure message={this.props.message ?? 'Cette page n’a pas pu s’afficher. Réessayez ; si le problème persiste, rechargez la page.'} retry={() => this.setState({ failed: false })} />;
  }
}
