export const CARE_HISTORY_MESSAGE =
  'The review figures need the council’s careHistory from the children subgraph (CareHistory: each child’s id, date of birth and episodes)';
