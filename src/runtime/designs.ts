// The designs the runtime can start the workers in, as the page names them (src/ui reaches the
// workers' side only through src/runtime).
export {
  DESIGN_IDS,
  DESIGN_NAMES,
  noLogIn,
  RECOMPUTE_NOTE,
  viewsFedBy,
  type DesignId,
  type StateDesign,
} from '../statemodel/designs';
