import { addBehind, type Behind, countsUnder, emptyBehind } from './behind.ts';
import { ageOn, type IsoDate } from './calendar.ts';
import { SEX_ORDER } from './children-profile.ts';
import { type Sex, sexOf } from './codes.ts';
import { ageBandLabels, ageBandOf } from './local-policy.ts';
import {
  type ChildPeriods,
  childrenLookedAfterFiguresBehind,
  type Episode,
  type PeriodBehind,
} from './periods-of-care.ts';

/** A child's periods with what the entrants and leavers tables read of the 903 header. */
export type ChildWithBirthAndSex<E extends Episode = Episode> = ChildPeriods<E> & {
  dateOfBirth: IsoDate;
  sex: string | null;
};

export type EntrantsAndLeavers = {
  /** Every band of the council's bands, in order, each with male, female and unknown (zeros included). */
  startedByAgeBandAndSex: Record<string, Record<Sex, number>>;
  /** Every band, in order, zeros included. */
  ceasedByAgeBand: Record<string, number>;
};

/**
 * Entrants by age band and sex and leavers by age band of reporting year `year` (further-tables §3,
 * §2a): the periods of `children.startedInYear` by the child's age at the period's start and their
 * SEX (`U` or unknown: `unknown`), and those of `children.ceasedInYear` by age at the DEC, in the
 * bands of `ageBands` (the bands in force on 31 March; see `ageBandsForYear`). The members are the
 * same as behind those counts, so the tables add up to them. Paths:
 * `children.startedByAgeBandAndSex.<band>.<sex>`, `children.ceasedByAgeBand.<band>`.
 */
export const entrantsAndLeaversBehind = <C extends ChildWithBirthAndSex>(
  children: readonly C[],
  year: number,
  ageBands: readonly number[],
): {
  figures: EntrantsAndLeavers;
  behind: Behind<PeriodBehind<C['periods'][number]['episodes'][number]>>;
} => {
  type E = C['periods'][number]['episodes'][number];
  const bands = ageBandLabels(ageBands);
  const behind = emptyBehind<PeriodBehind<E>>([
    ...bands.flatMap((band) => SEX_ORDER.map((sex) => `children.startedByAgeBandAndSex.${band}.${sex}`)),
    ...bands.map((band) => `children.ceasedByAgeBand.${band}`),
  ]);
  const facts = new Map(children.map((c) => [c.child, c]));
  const periods = childrenLookedAfterFiguresBehind<E>(children as readonly ChildPeriods<E>[], year).behind;
  for (const member of periods['children.startedInYear'] ?? []) {
    const child = facts.get(member.child)!;
    const band = ageBandOf(ageOn(child.dateOfBirth, member.period.start), ageBands);
    addBehind(behind, `children.startedByAgeBandAndSex.${band}.${sexOf(child.sex)}`, member);
  }
  for (const member of periods['children.ceasedInYear'] ?? []) {
    const child = facts.get(member.child)!;
    const band = ageBandOf(ageOn(child.dateOfBirth, member.period.end!), ageBands);
    addBehind(behind, `children.ceasedByAgeBand.${band}`, member);
  }
  return {
    figures: {
      startedByAgeBandAndSex: Object.fromEntries(
        bands.map((band) => [
          band,
          countsUnder(behind, `children.startedByAgeBandAndSex.${band}`) as Record<Sex, number>,
        ]),
      ),
      ceasedByAgeBand: countsUnder(behind, 'children.ceasedByAgeBand'),
    },
    behind,
  };
};

/** `children.startedByAgeBandAndSex` and `children.ceasedByAgeBand`; see `entrantsAndLeaversBehind`. */
export const entrantsAndLeavers = (
  children: readonly ChildWithBirthAndSex[],
  year: number,
  ageBands: readonly number[],
): EntrantsAndLeavers => entrantsAndLeaversBehind(children, year, ageBands).figures;
