import { AddProductForm } from './AddProductForm';
import { PlaceOrderForm } from './PlaceOrderForm';

export const CommandsPanel = () => (
  <section aria-label="Commands" className="panel commands">
    <h2>Commands</h2>
    <p className="explain">
      A command asks the <strong>write model</strong> to change something. It checks the rules
      against the events so far and either appends new events or refuses.
    </p>
    <AddProductForm />
    <PlaceOrderForm />
  </section>
);
