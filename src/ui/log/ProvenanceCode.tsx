// The projection code that built a highlighted view row, on request: the cases for the events of
// that row which the page holds are marked.
import { provenanceTypes, type Provenance } from '../../state/logView';
import { useLog } from '../../state/stores';
import { ShowCode } from '../code/ShowCode';

export const ProvenanceCode = ({ provenance }: { provenance: Provenance & { view: string } }) => {
  const recent = useLog((s) => s.recent);
  return (
    <ShowCode
      label="Show the projection code that built this row"
      request={{
        kind: 'row',
        view: provenance.view,
        eventTypes: provenanceTypes(recent, provenance),
      }}
    />
  );
};
