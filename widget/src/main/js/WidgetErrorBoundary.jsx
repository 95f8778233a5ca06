import {Component} from 'react';

/**
 * Catches what React can catch of the widget: a render error inside it, or a failed download of its chunk.
 * The message itself is shown by the parent, so this renders nothing once it has failed.
 */
export default class WidgetErrorBoundary extends Component {
  constructor(props) {
    super(props);
    this.state = {failed: false};
  }

  static getDerivedStateFromError() {
    return {failed: true};
  }

  componentDidCatch(error) {
    this.props.onError(error);
  }

  render() {
    return this.state.failed ? null : this.props.children;
  }
}
