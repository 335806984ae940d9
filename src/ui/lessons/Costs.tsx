import { useState } from 'react';
import { DESIGN_IDS, DESIGN_NAMES, type DesignId } from '../../lessons/designFigures';
import { DESIGN_PICKS, type DesignPick } from '../../lessons/designPicks';
import { tripThrough, type Trip } from '../../runtime/comparison';
import { reportActivity } from '../../state/lessons';
import { ChoiceForm } from './ChoiceForm';

/** What each design runs and keeps, as this lab builds it for one order's trip. */
const PARTS: Record<DesignId, { workers: string; stores: string; history: string }> = {
  'one-model': { workers: '1', stores: 'State', history: 'None: state is overwritten' },
  'same-transaction': {
    workers:
      '2 here: the write side, and a reader (how this lab serves reads; no extra process is needed)',
    stores: 'State and the view’s table, in one database',
    history: 'None: state is overwritten',
  },
  'after-commit': {
    workers: '2: the write side with its relay, the view',
    stores: 'State with an outbox, and the view’s own store with its checkpoint',
    history: 'None: outbox rows are deleted once the view has them',
  },
  'event-sourced': {
    workers: '2: the write side, the view',
    stores: 'The event log, and the view’s own store with its checkpoint',
    history: 'Every event, kept for good',
  },
};

const whole = (ms: number) => `${String(Math.round(ms))} ms`;

/** One system to pick a design for, and why the pick fits or not. */
const Pick = ({ pick }: { pick: DesignPick }) => {
  const [chosen, setChosen] = useState<number | null>(null);
  const [checked, setChecked] = useState<DesignId | null>(null);
  return (
    <ChoiceForm
      label={`Design for ${pick.name}`}
      legend={pick.situation}
      choices={DESIGN_IDS.map((id) => DESIGN_NAMES[id])}
      chosen={chosen}
      onChoose={(choice) => {
        setChosen(choice);
        setChecked(null);
      }}
      submitLabel="Check my pick"
      onSubmit={(choice) => {
        const id = DESIGN_IDS[choice];
        if (!id) return;
        setChecked(id);
        if (id === pick.best) reportActivity(`pick:${pick.id}:right`);
      }}
    >
      {checked && (
        <p
          role="status"
          className={`feedback ${checked === pick.best ? 'feedback-ok' : 'feedback-refused'}`}
        >
          {pick.reasons[checked]}
          {checked !== pick.best && ' Pick again.'}
        </p>
      )}
    </ChoiceForm>
  );
};

/** Chapter 11's bench: what each design takes to carry one order, then a design for three systems. */
export const Costs = () => {
  const [trips, setTrips] = useState<Partial<Record<DesignId, Trip>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const measure = async () => {
    setBusy(true);
    setError(null);
    setTrips({});
    try {
      for (const id of DESIGN_IDS) {
        const trip = await tripThrough(id);
        setTrips((all) => ({ ...all, [id]: trip }));
      }
      reportActivity('costs-measured');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const rows: [string, (id: DesignId) => string][] = [
    ['Workers', (id) => PARTS[id].workers],
    ['Stores', (id) => PARTS[id].stores],
    ['History kept', (id) => PARTS[id].history],
    ['One order acknowledged after', (id) => (trips[id] ? whole(trips[id].writeMs) : '–')],
    ['A read first shows it after', (id) => (trips[id] ? whole(trips[id].visibleMs) : '–')],
  ];

  return (
    <div className="workbench" role="group" aria-label="Designs for three systems">
      <button type="button" disabled={busy} onClick={() => void measure()}>
        Measure one order’s trip
      </button>
      <p role="status" className="muted">
        {busy
          ? 'Sending one order through each design in turn…'
          : 'One order through each design, each in its own workers and databases (your log is not touched); then reads, as a learner refreshing would, until one shows it.'}
      </p>
      <div className="wide-table">
        <table aria-label="What each design costs">
          <thead>
            <tr>
              <th scope="col">Cost</th>
              {DESIGN_IDS.map((id) => (
                <th key={id} scope="col">
                  {DESIGN_NAMES[id]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([cost, cell]) => (
              <tr key={cost}>
                <th scope="row">{cost}</th>
                {DESIGN_IDS.map((id) => (
                  <td key={id}>{cell(id)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && (
        <p role="alert" className="feedback feedback-refused">
          {error}
        </p>
      )}
      <h4>Pick a design for each system</h4>
      {DESIGN_PICKS.map((pick) => (
        <Pick key={pick.id} pick={pick} />
      ))}
    </div>
  );
};
