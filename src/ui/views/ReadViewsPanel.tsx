import { OrderStatusView } from './OrderStatusView';

export const ReadViewsPanel = () => (
  <section aria-label="Read views" className="panel views">
    <h2>Read views</h2>
    <p className="explain">
      Each <strong>projection</strong> runs in its own worker and keeps its own copy of the data,
      shaped for one kind of question. It learns of new events a moment after they are appended, so
      it may be behind: its status line says by how much.
    </p>
    <OrderStatusView />
  </section>
);
