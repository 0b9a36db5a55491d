import { addBehind, type Behind, countsUnder } from './behind.ts';
import { ageOn, type IsoDate } from './calendar.ts';
import { type EthnicGroup, ethnicGroupOf, type Sex, sexOf } from './codes.ts';
import { ageBandLabels, ageBandOf } from './local-policy.ts';

/** What the profile tables read of a child looked after at 31 March (SSDA903 header and uasc). */
export type ChildProfileFacts = {
  child: string;
  dateOfBirth: IsoDate;
  /** SEX as recorded (1/2 or M/F/U). */
  sex: string | null;
  /** ETHNIC as recorded. */
  ethnicity: string | null;
  /** The child's uasc row, when there is one: DUC is the date UASC status ceased (null: not ceased). */
  uasc?: { ceased: IsoDate | null } | null;
};

export const SEX_ORDER: readonly Sex[] = ['male', 'female', 'unknown'];
/** further-tables.md §2 ethnic groups, in the order the spec lists them. */
export const ETHNIC_GROUP_ORDER: readonly EthnicGroup[] = [
  'white',
  'mixed',
  'asian',
  'black',
  'other',
  'notRecorded',
];
/** The byEthnicity key of a child with no ETHNIC recorded. */
export const ETHNICITY_NOT_RECORDED = 'notRecorded';

/** UASC at `date` (§14 "Other counts"): a uasc row whose DUC is after that date or empty. */
export const isUascAt = (uasc: ChildProfileFacts['uasc'], date: IsoDate): boolean =>
  uasc != null && (uasc.ceased === null || uasc.ceased > date);

export type ChildrenProfile = {
  /** Every band of `ageBands`, in band order, zeros included. */
  byAgeBand: Record<string, number>;
  bySex: Record<Sex, number>;
  /** ETHNIC codes that occur. */
  byEthnicity: Record<string, number>;
  /** Every group, zeros included. */
  byEthnicGroup: Record<EthnicGroup, number>;
  uascAt31March: number;
};

/**
 * The profile of the children looked after at `date` (annual-report.md children.byAgeBand, bySex,
 * byEthnicity, uascAt31March; further-tables byEthnicGroup): age in completed years at `date` in
 * the bands of `ageBands` (lower bounds), sex by `sexOf`, ethnic group by `ethnicGroupOf`. The
 * children behind each count are keyed by the figure's path in the report's JSON
 * ("children.bySex.male", "children.uascAt31March", …); every count is the length of its list.
 * `children` are the children looked after at `date`, once each.
 */
export const childrenProfileBehind = <C extends ChildProfileFacts>(
  children: readonly C[],
  date: IsoDate,
  ageBands: readonly number[],
): { figures: ChildrenProfile; behind: Record<string, C[]> } => {
  const behind: Record<string, C[]> = {};
  const bands = ageBandLabels(ageBands);
  for (const band of bands) behind[`children.byAgeBand.${band}`] = [];
  for (const sex of SEX_ORDER) behind[`children.bySex.${sex}`] = [];
  for (const group of ETHNIC_GROUP_ORDER) behind[`children.byEthnicGroup.${group}`] = [];
  behind['children.uascAt31March'] = [];
  const add = (path: string, child: C) => {
    const list = behind[path];
    if (list) list.push(child);
    else behind[path] = [child];
  };
  for (const child of children) {
    add(`children.byAgeBand.${ageBandOf(ageOn(child.dateOfBirth, date), ageBands)}`, child);
    add(`children.bySex.${sexOf(child.sex)}`, child);
    const ethnicity = (child.ethnicity ?? '').trim().toUpperCase() || ETHNICITY_NOT_RECORDED;
    add(`children.byEthnicity.${ethnicity}`, child);
    add(`children.byEthnicGroup.${ethnicGroupOf(child.ethnicity)}`, child);
    if (isUascAt(child.uasc, date)) add('children.uascAt31March', child);
  }
  const countsOf = (map: string): Record<string, number> => {
    const prefix = `children.${map}.`;
    return Object.fromEntries(
      Object.entries(behind)
        .filter(([path]) => path.startsWith(prefix))
        .map(([path, list]) => [path.slice(prefix.length), list.length]),
    );
  };
  return {
    figures: {
      byAgeBand: countsOf('byAgeBand'),
      bySex: countsOf('bySex') as Record<Sex, number>,
      byEthnicity: countsOf('byEthnicity'),
      byEthnicGroup: countsOf('byEthnicGroup') as Record<EthnicGroup, number>,
      uascAt31March: behind['children.uascAt31March']!.length,
    },
    behind,
  };
};

/** The profile of the children looked after at `date`; see `childrenProfileBehind`. */
export const childrenProfile = (
  children: readonly ChildProfileFacts[],
  date: IsoDate,
  ageBands: readonly number[],
): ChildrenProfile => childrenProfileBehind(children, date, ageBands).figures;

/**
 * `children.uascByEthnicity` (further-tables §3): the children of `children.uascAt31March` by their
 * ETHNIC code as recorded (empty: `notRecorded`), with the children behind each count under
 * `children.uascByEthnicity.<ETHNIC>`. `children` are the children looked after at `date`, once each.
 */
export const uascByEthnicityBehind = <C extends ChildProfileFacts>(
  children: readonly C[],
  date: IsoDate,
): { figures: Record<string, number>; behind: Record<string, C[]> } => {
  const behind: Behind<C> = {};
  for (const child of children) {
    if (!isUascAt(child.uasc, date)) continue;
    const ethnicity = (child.ethnicity ?? '').trim().toUpperCase() || ETHNICITY_NOT_RECORDED;
    addBehind(behind, `children.uascByEthnicity.${ethnicity}`, child);
  }
  return { figures: countsUnder(behind, 'children.uascByEthnicity'), behind };
};

/** `children.uascByEthnicity` at `date`; see `uascByEthnicityBehind`. */
export const uascByEthnicity = (
  children: readonly ChildProfileFacts[],
  date: IsoDate,
): Record<string, number> => uascByEthnicityBehind(children, date).figures;
