import { chooseDomain, useSettings, type DomainChoice } from '../../state/settings';
import { BankForms } from './bankForms';
import { ShopForms } from './shopForms';

const DOMAINS: { id: DomainChoice; label: string }[] = [
  { id: 'shop', label: 'Shop' },
  { id: 'bank', label: 'Bank' },
];

export const CommandsPanel = () => {
  const domain = useSettings((s) => s.domain);
  const design = useSettings((s) => s.design);
  return (
    <section aria-label="Commands" className="panel commands">
      <h2>Commands</h2>
      <p className="explain">
        A command asks the <strong>{design === 'one-model' ? 'model' : 'write model'}</strong> to
        change something.{' '}
        {design === 'event-sourced'
          ? 'It checks the rules against the events so far and either appends new events or refuses.'
          : 'It checks the rules against the current state and either overwrites it or refuses.'}
      </p>
      <div className="domain-switch" role="group" aria-label="Domain">
        {DOMAINS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            className={id === domain ? undefined : 'secondary'}
            aria-pressed={id === domain}
            onClick={() => chooseDomain(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {domain === 'shop' ? <ShopForms /> : <BankForms />}
    </section>
  );
};
