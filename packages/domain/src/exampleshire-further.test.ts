import { describe, expect, it } from 'vitest';
import { independentVisitorsDuring } from './advocacy.ts';
import { reportingYear } from './calendar.ts';
import { childrenProfileBehind, uascByEthnicityBehind } from './children-profile.ts';
import { comparatorsForYear } from './comparators.ts';
import { placementDistanceBehind, sectorCentroids } from './distance.ts';
import { workforceDiversityBehind } from './diversity.ts';
import { entrantsAndLeaversBehind } from './entrants-leavers.ts';
import {
  type Escalation,
  type EscalationEvent,
  type EscalationEventKind,
  escalationFigures,
} from './escalations.ts';
import { healthFiguresBehind } from './health.ts';
import { ageBandsForYear, policyVersionsFromRows } from './local-policy.ts';
import { missingFiguresBehind } from './missing.ts';
import { participationFigures } from './participation.ts';
import { childrenLookedAfterFigures, periodsOfCare } from './periods-of-care.ts';
import { childrenRates, populationOf } from './rates.ts';
import { childReviewSchedules } from './review-schedule.ts';
import { secureFiguresBehind } from './secure.ts';
import { longTermStabilityBehind, shortTermStabilityBehind } from './stability.ts';
import {
  dateOr,
  loadChildFacts,
  loadComparators,
  loadEpisodes,
  loadIros,
  loadLocalPolicyRows,
  loadMissing,
  loadOc2,
  loadPopulation,
  loadPostcodeSectors,
  loadReviews,
  readCsv,
  readExpectedFurther,
} from './testing/exampleshire.ts';
import { reviewFiguresForYear, reviewsByMonthBehind, reviewsHeldInYear } from './timeliness.ts';
import { earliestPeriodStart, trend } from './trend.ts';

// The spec's worked example, further-tables.md §3: every key the domain computes must equal the
// expected reports (a map key left out of the expected file compares as 0).
const episodes = loadEpisodes();
const reviews = loadReviews();
const facts = loadChildFacts();
const children = [...episodes].map(([child, list]) => ({
  child,
  periods: periodsOfCare(list).periods,
  ...facts.get(child)!,
}));
const schedules = children.map(({ child, periods }) => ({
  child,
  ...childReviewSchedules(periods, reviews.get(child) ?? []),
}));
const oc2 = loadOc2();
const missing = loadMissing();
const centroids = sectorCentroids(loadPostcodeSectors());
const population = loadPopulation();
const comparators = loadComparators();
const people = loadIros();
const policy = policyVersionsFromRows(loadLocalPolicyRows());
const visitors = readCsv('independent_visitors').map((r) => ({
  child: r.CHILD!,
  start: r.START!,
  end: dateOr(r.END),
}));
const escalations: Escalation[] = readCsv('escalations').map((r) => ({
  id: r.ESCALATION!,
  child: r.CHILD!,
  iro: r.IRO!,
  raised: r.RAISED!,
  themes: r.THEMES!.split(';').map((t) => t.trim()),
}));
const events = new Map<string, EscalationEvent[]>();
for (const r of readCsv('escalation_events')) {
  const list = events.get(r.ESCALATION!) ?? [];
  list.push({ date: r.DATE!, event: r.EVENT as EscalationEventKind, stage: r.STAGE! });
  events.set(r.ESCALATION!, list);
}

/** Both maps over the union of their keys, a missing key as 0. */
const sameCounts = (actual: Record<string, number>, expected: Record<string, number>) => {
  const keys = [...new Set([...Object.keys(actual), ...Object.keys(expected)])].sort();
  expect(Object.fromEntries(keys.map((k) => [k, actual[k] ?? 0]))).toEqual(
    Object.fromEntries(keys.map((k) => [k, expected[k] ?? 0])),
  );
};

/** Every list behind a count has the count's length. */
const tracesTo = (behind: Record<string, readonly unknown[]>, count: (path: string) => number) => {
  for (const [path, list] of Object.entries(behind)) expect(list.length, path).toBe(count(path));
};
const at = (object: unknown, path: string): number =>
  (path.split('.').reduce((o, k) => (o as Record<string, unknown> | undefined)?.[k], object) as number) ?? 0;

describe('the file helpers', () => {
  it('read the quoted comma-separated value of local_policy whole', () => {
    expect(loadLocalPolicyRows()).toEqual([
      { key: 'age_bands', value: '0,5,11,16', effective: '2022-04-01' },
    ]);
    expect(policy.problems).toEqual([]);
  });
});

describe.each([2021, 2022, 2023])('Exampleshire %i-%i further tables', (year) => {
  const expected = readExpectedFurther(year);
  const { end } = reportingYear(year);
  const counts = childrenLookedAfterFigures(children, year);
  const atEnd = new Set(counts.childrenAt31March);
  const lookedAfterAtEnd = children.filter((c) => atEnd.has(c.child));
  const bands = ageBandsForYear(policy.versions, year);

  it('children: local age bands, ethnic groups, UASC by ethnicity', () => {
    const { figures, behind } = childrenProfileBehind(lookedAfterAtEnd, end, bands);
    sameCounts(figures.byAgeBand, expected.children.byLocalAgeBand);
    sameCounts(figures.byEthnicGroup, expected.children.byEthnicGroup);
    const uasc = uascByEthnicityBehind(lookedAfterAtEnd, end);
    sameCounts(uasc.figures, expected.children.uascByEthnicity);
    expect(behind['children.uascAt31March']!.length).toBe(
      Object.values(uasc.figures).reduce((a, b) => a + b, 0),
    );
  });

  it('children: started by age band and sex, ceased by age band', () => {
    const { figures, behind } = entrantsAndLeaversBehind(children, year, bands);
    const bandsOf = new Set([
      ...Object.keys(figures.startedByAgeBandAndSex),
      ...Object.keys(expected.children.startedByAgeBandAndSex),
    ]);
    for (const band of bandsOf)
      sameCounts(
        figures.startedByAgeBandAndSex[band] ?? {},
        expected.children.startedByAgeBandAndSex[band] ?? {},
      );
    sameCounts(figures.ceasedByAgeBand, expected.children.ceasedByAgeBand);
    tracesTo(behind, (path) => at(figures, path.slice('children.'.length)));
    const started = Object.values(figures.startedByAgeBandAndSex).flatMap((s) => Object.values(s));
    expect(started.reduce((a, b) => a + b, 0)).toBe(expected.children.startedInYear);
  });

  it('children: rates per 10,000', () => {
    expect(childrenRates(counts, populationOf(population, year))).toEqual({
      ratePer10000: expected.children.ratePer10000,
      startedRatePer10000: expected.children.startedRatePer10000,
      ceasedRatePer10000: expected.children.ceasedRatePer10000,
    });
  });

  it('health (OC2)', () => {
    const { figures, behind } = healthFiguresBehind(children, oc2, year);
    expect(figures).toEqual(expected.health);
    expect(behind['health.cohort']!.filter((m) => m.row === null).length).toBe(1);
  });

  it('placement stability', () => {
    const short = shortTermStabilityBehind(children, year);
    const long = longTermStabilityBehind(children, year);
    expect({ shortTerm: short.figures, longTerm: long.figures }).toEqual(expected.stability);
    expect(short.figures.eligible).toBe(counts.lookedAfterAt31March);
  });

  it('distance from home', () => {
    const { figures, behind } = placementDistanceBehind(children, centroids, year);
    expect(figures).toEqual(expected.placement.distance);
    expect(behind['placement.distance.unknown']).toEqual([]);
  });

  it('missing episodes', () => {
    const { figures, behind, children: missingChildren } = missingFiguresBehind(missing, year);
    expect({ episodes: figures.episodes, children: figures.children }).toEqual({
      episodes: expected.missing.episodes,
      children: expected.missing.children,
    });
    sameCounts(figures.byType, expected.missing.byType);
    tracesTo(behind, (path) => at(figures, path.slice('missing.'.length)));
    expect(missingChildren.length).toBe(figures.children);
  });

  it('secure placements', () => {
    expect(secureFiguresBehind(children, year).figures).toEqual(expected.secure);
  });

  it('reviews by month', () => {
    const held = schedules.flatMap((s) => reviewsHeldInYear(s.schedules, year));
    const { figures } = reviewsByMonthBehind(held, year);
    expect(figures).toEqual(expected.reviews.byMonth);
  });

  it('Independent Visitors during the year', () => {
    expect(independentVisitorsDuring(visitors, year).length).toBe(
      expected.advocacy.independentVisitorsDuringYear,
    );
  });

  it('workforce diversity', () => {
    const { figures } = workforceDiversityBehind(people, end);
    sameCounts(figures.bySex, expected.workforce.bySex);
    sameCounts(figures.byEthnicGroup, expected.workforce.byEthnicGroup);
  });

  it('five-year trend', () => {
    const rows = trend(year, earliestPeriodStart(children), (y) => {
      const c = childrenLookedAfterFigures(children, y);
      const r = reviewFiguresForYear(schedules, y);
      const held = schedules.flatMap((s) => reviewsHeldInYear(s.schedules, y));
      return {
        lookedAfterAt31March: c.lookedAfterAt31March,
        startedInYear: c.startedInYear,
        ceasedInYear: c.ceasedInYear,
        reviewsHeld: r.held,
        reviewsOnTimePercent: r.onTimePercent,
        participationRate4Plus: participationFigures(held.map((h) => h.review)).rate4Plus,
        escalationsRaised: escalationFigures(escalations, (id) => events.get(id) ?? [], y).raised,
      };
    });
    expect(rows).toEqual(expected.trend);
  });

  it('comparators', () => {
    expect(comparatorsForYear(comparators, year)).toEqual(expected.comparators);
  });
});
