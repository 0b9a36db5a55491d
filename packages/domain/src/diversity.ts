import { addBehind, type Behind, countsUnder, emptyBehind } from './behind.ts';
import type { IsoDate } from './calendar.ts';
import { type Iro, isInPostAt } from './caseloads.ts';
import { ETHNIC_GROUP_ORDER, SEX_ORDER } from './children-profile.ts';
import { type EthnicGroup, ethnicGroupOf, type Sex, sexOf } from './codes.ts';

/** A person of the IRO service with the `iros` file's optional ETHNICITY and SEX. */
export type ServicePerson = Pick<Iro, 'role' | 'start' | 'end'> & {
  ethnicity?: string | null;
  sex?: string | null;
};

export type WorkforceDiversity = {
  /** male, female, unknown: zeros included. */
  bySex: Record<Sex, number>;
  /** Every group, zeros included. */
  byEthnicGroup: Record<EthnicGroup, number>;
};

/** IROs and FCROs count in the diversity tables; managers do not. */
export const DIVERSITY_ROLES: ReadonlySet<Iro['role']> = new Set(['iro', 'fcro']);

/**
 * The diversity of the IRO team at the end of `date` (further-tables §2a): people with ROLE `iro` or
 * `fcro` in post then (§14), whatever their FTE, by SEX (empty or `U`: unknown) and by ethnic group
 * of ETHNICITY (empty: notRecorded). Paths: `workforce.bySex.<sex>`, `workforce.byEthnicGroup.<group>`.
 */
export const workforceDiversityBehind = <P extends ServicePerson>(
  people: readonly P[],
  date: IsoDate,
): { figures: WorkforceDiversity; behind: Behind<P> } => {
  const behind = emptyBehind<P>([
    ...SEX_ORDER.map((sex) => `workforce.bySex.${sex}`),
    ...ETHNIC_GROUP_ORDER.map((group) => `workforce.byEthnicGroup.${group}`),
  ]);
  for (const person of people) {
    if (!DIVERSITY_ROLES.has(person.role) || !isInPostAt(person, date)) continue;
    addBehind(behind, `workforce.bySex.${sexOf(person.sex)}`, person);
    addBehind(behind, `workforce.byEthnicGroup.${ethnicGroupOf(person.ethnicity)}`, person);
  }
  return {
    figures: {
      bySex: countsUnder(behind, 'workforce.bySex') as Record<Sex, number>,
      byEthnicGroup: countsUnder(behind, 'workforce.byEthnicGroup') as Record<EthnicGroup, number>,
    },
    behind,
  };
};

/** `workforce.bySex` and `workforce.byEthnicGroup` at the end of `date`; see `workforceDiversityBehind`. */
export const workforceDiversity = (people: readonly ServicePerson[], date: IsoDate): WorkforceDiversity =>
  workforceDiversityBehind(people, date).figures;
