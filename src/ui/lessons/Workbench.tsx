// A chapter's own controls, shown with its task. Loaded only when a chapter needs one: the first
// screen does not wait for the workbenches (or the comparison runtime they start).
import type { Workbench as WorkbenchKind } from '../../lessons/types';
import { BlueGreen } from './BlueGreen';
import { Boundaries } from './Boundaries';
import { Costs } from './Costs';
import { DesignBench } from './DesignBench';
import { DuplicateCheck } from './DuplicateCheck';
import { Fulfilment } from './Fulfilment';
import { Outbox } from './Outbox';
import { ReadYourWrites } from './ReadYourWrites';
import { Snapshots } from './Snapshots';
import { TwoWriters } from './TwoWriters';
import { Versioning } from './Versioning';

/** The chapter's own controls, shown with its task. */
export const Workbench = ({ kind }: { kind: WorkbenchKind }) => {
  switch (kind) {
    case 'two-writers':
      return <TwoWriters />;
    case 'duplicate-check':
      return <DuplicateCheck />;
    case 'read-your-writes':
      return <ReadYourWrites />;
    case 'designs':
      return <DesignBench />;
    case 'costs':
      return <Costs />;
    case 'snapshots':
      return <Snapshots />;
    case 'versioning':
      return <Versioning />;
    case 'blue-green':
      return <BlueGreen />;
    case 'process-manager':
      return <Fulfilment />;
    case 'boundaries':
      return <Boundaries />;
    case 'outbox':
      return <Outbox />;
  }
};

export default Workbench;
