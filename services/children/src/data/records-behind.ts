import { ageOn, ethnicGroupOf, type PeriodBehind, SEX_ORDER, sexOf } from '@footprint/domain';
import { membersUnder, type RecordBehindFigure } from '@footprint/graphql';
import type {
  AnnualReportFigures,
  DescribedChild,
  ProfileChild,
  ReportEpisode,
  ReportPerson,
} from './compute-annual-report.ts';
import type { ChildRow } from './find-children.ts';

/** What a figure's records are about: children, or the IRO service's people. */
export type RecordsBehind = { entity: 'Child' | 'Iro'; records: RecordBehindFigure<ChildRow>[] };

/** Single counts this subgraph computes, by their path in the report's JSON. */
const PERIOD_COUNTS = new Set([
  'children.lookedAfterAt31March',
  'children.shortBreaksDuringYear',
  'children.lookedAfterDuringYear',
  'children.startedInYear',
  'children.ceasedInYear',
]);
const PERIOD_MAPS = [
  'children.byLegalStatus.',
  'children.byLegalStatusAtEntry.',
  'children.byPlacement.',
  'children.byReasonCeased.',
];
const PROFILE_MAPS = [
  'children.byAgeBand.',
  'children.bySex.',
  'children.byEthnicity.',
  'children.byEthnicGroup.',
];
const isMapKey = (figure: string, prefixes: readonly string[]) =>
  prefixes.some((prefix) => figure.startsWith(prefix) && figure.length > prefix.length);

const range = (member: PeriodBehind<ReportEpisode>) =>
  `${member.period.start} to ${member.period.end ?? 'now (open)'}`;

/**
 * The records behind one figure of the report, or null when this subgraph computes no such count
 * (a percentage, a total FTE, another subgraph's figure). The records are the domain's own members
 * of the figure, so the list's length is the figure; a map key that does not occur has none.
 */
export function recordsBehind(report: AnnualReportFigures, figure: string): RecordsBehind | null {
  const { members } = report;
  const at = `at 31 March ${report.year + 1}`;
  const At = `At 31 March ${report.year + 1}`;
  const childOf = (id: string) => report.childById.get(id) ?? null;
  const periodRecords = (
    list: readonly PeriodBehind<ReportEpisode>[],
    describe: (m: PeriodBehind<ReportEpisode>) => string,
    date: (m: PeriodBehind<ReportEpisode>) => string | null,
  ) => ({
    entity: 'Child' as const,
    records: list.map((m) => ({
      child: childOf(m.child),
      date: date(m),
      reference: null,
      description: describe(m),
    })),
  });
  const profileRecords = (list: readonly ProfileChild[], describe: (c: ProfileChild) => string) => ({
    entity: 'Child' as const,
    records: list.map((c) => ({
      child: c.row,
      date: c.at.period.start,
      reference: null,
      description: describe(c),
    })),
  });
  const peopleRecords = (
    list: readonly { person: ReportPerson; caseload: number; perFte: number }[],
    over: boolean,
  ) => ({
    entity: 'Iro' as const,
    records: list.map(({ person, caseload, perFte }) => ({
      child: null,
      date: person.start,
      reference: person.iro,
      description: `${person.row.name}, IRO: ${person.fte} FTE, ${caseload} children, ${perFte.toFixed(1)} per FTE ${at}${over ? ', above the band' : ''}`,
    })),
  });

  if (PERIOD_COUNTS.has(figure) || isMapKey(figure, PERIOD_MAPS)) {
    const list = members.periods[figure] ?? [];
    const name = figure.split('.')[1];
    switch (name) {
      case 'lookedAfterAt31March':
        return periodRecords(
          list,
          (m) =>
            `Looked after ${at}: period of care from ${m.period.start}${m.episode ? `, LS ${m.episode.ls}, placement ${m.episode.place}` : ''}`,
          (m) => m.period.start,
        );
      case 'shortBreaksDuringYear':
        return periodRecords(
          list,
          (m) => `Short breaks (LS ${m.period.legalStatusAtEntry}) from ${range(m)}`,
          (m) => m.period.start,
        );
      case 'lookedAfterDuringYear':
        return periodRecords(
          list,
          (m) => `Period of care from ${range(m)}`,
          (m) => m.period.start,
        );
      case 'startedInYear':
      case 'byLegalStatusAtEntry':
        return periodRecords(
          list,
          (m) => `Period of care started ${m.period.start}, LS ${m.period.legalStatusAtEntry} at entry`,
          (m) => m.period.start,
        );
      case 'ceasedInYear':
      case 'byReasonCeased':
        return periodRecords(
          list,
          (m) =>
            `Period of care from ${m.period.start} ended ${m.period.end}${m.period.reasonCeased ? `, REC ${m.period.reasonCeased}` : ''}`,
          (m) => m.period.end,
        );
      default:
        // byLegalStatus, byPlacement: the episode open at 31 March.
        return periodRecords(
          list,
          (m) =>
            `${At}: LS ${m.episode?.ls}, placement ${m.episode?.place} (episode from ${m.episode?.decom})`,
          (m) => m.episode?.decom ?? m.period.start,
        );
    }
  }
  if (figure === 'children.uascAt31March' || isMapKey(figure, PROFILE_MAPS)) {
    const list = members.profile[figure] ?? [];
    switch (figure.split('.')[1]) {
      case 'byAgeBand':
        return profileRecords(
          list,
          (c) => `Aged ${ageOn(c.dateOfBirth, report.period.end)} ${at} (born ${c.dateOfBirth})`,
        );
      case 'bySex':
        return profileRecords(list, (c) => `SEX ${c.sex ?? '(empty)'} (${sexOf(c.sex)}), looked after ${at}`);
      case 'byEthnicity':
      case 'byEthnicGroup':
        return profileRecords(
          list,
          (c) =>
            `Ethnicity ${c.ethnicity || 'not recorded'} (${ethnicGroupOf(c.ethnicity)}), looked after ${at}`,
        );
      default:
        return profileRecords(
          list,
          (c) => `UASC ${at}: ${c.uasc?.ceased ? `status ceased ${c.uasc.ceased}` : 'status not ceased'}`,
        );
    }
  }
  const further = furtherRecordsBehind(report, figure);
  if (further) return further;
  switch (figure) {
    case 'workforce.iros':
      return peopleRecords(members.workforce['workforce.iros'], false);
    case 'workforce.overCapacity':
      return peopleRecords(members.workforce['workforce.overCapacity'], true);
    case 'dataQuality.no_iro_allocated':
      return periodRecords(
        members.noIroAllocated,
        (m) => `Looked after ${at} with no IRO allocated (period of care from ${m.period.start})`,
        (m) => m.period.start,
      );
    case 'dataQuality.period_without_start':
      return periodRecords(
        members.periodWithoutStart,
        (m) => `Period of care started ${m.period.start} with RNE ${m.episode?.rne || '(empty)'}, not S`,
        (m) => m.period.start,
      );
    default:
      return null;
  }
}

/** Counts of further-tables.md §3 that are single lists, by path, with the member's one-line description. */
const FURTHER_LISTS = new Set([
  'health.cohort',
  'health.sdq.eligible',
  'health.sdq.scored',
  'health.sdq.normal',
  'health.sdq.borderline',
  'health.sdq.concern',
  'stability.shortTerm.eligible',
  'stability.shortTerm.threeOrMore',
  'stability.longTerm.eligible',
  'stability.longTerm.stable',
  'placement.distance.known',
  'placement.distance.over20Miles',
  'missing.episodes',
  'missing.children',
  'secure.welfare',
  'secure.youthJustice',
]);
const FURTHER_MAPS = [
  'children.byLocalAgeBand.',
  'children.uascByEthnicity.',
  'children.startedByAgeBandAndSex.',
  'children.ceasedByAgeBand.',
  'missing.byType.',
  'workforce.bySex.',
  'workforce.byEthnicGroup.',
];

/**
 * The records behind a further-tables figure (children.byLocalAgeBand …, health, stability, placement,
 * missing, secure, workforce diversity), from the same domain members as the counts; null for any
 * other figure. Percentages and rates have none.
 */
function furtherRecordsBehind(report: AnnualReportFigures, figure: string): RecordsBehind | null {
  if (!FURTHER_LISTS.has(figure) && !isMapKey(figure, FURTHER_MAPS)) return null;
  const { members } = report;
  const at = `at 31 March ${report.year + 1}`;
  const childOf = (id: string) => report.childById.get(id) ?? null;
  const about = <T>(
    list: readonly T[],
    child: (m: T) => string,
    date: (m: T) => string | null,
    describe: (m: T) => string,
  ): RecordsBehind => ({
    entity: 'Child',
    records: list.map((m) => ({
      child: childOf(child(m)),
      date: date(m),
      reference: null,
      description: describe(m),
    })),
  });
  const [section, name] = figure.split('.') as [string, string];
  if (section === 'children') {
    if (name === 'byLocalAgeBand' || name === 'uascByEthnicity') {
      const list = membersUnder(members.localProfile, figure);
      return about(
        list,
        (c) => c.child,
        (c) => c.at.period.start,
        (c) =>
          name === 'byLocalAgeBand'
            ? `Aged ${ageOn(c.dateOfBirth, report.period.end)} ${at} (born ${c.dateOfBirth})`
            : `UASC ${at}, ETHNIC ${c.ethnicity || 'not recorded'}`,
      );
    }
    // A band of startedByAgeBandAndSex without a sex: the band's periods of every sex.
    const list =
      name === 'startedByAgeBandAndSex' && figure.split('.').length === 3
        ? SEX_ORDER.flatMap((sex) => membersUnder(members.entrantsAndLeavers, `${figure}.${sex}`))
        : membersUnder(members.entrantsAndLeavers, figure);
    const born = (id: string) => childOf(id)?.dateOfBirth ?? '';
    return name === 'startedByAgeBandAndSex'
      ? about(
          list,
          (m) => m.child,
          (m) => m.period.start,
          (m) =>
            `Period of care started ${m.period.start}, aged ${ageOn(born(m.child), m.period.start)}, SEX ${childOf(m.child)?.sex ?? '(empty)'} (${sexOf(childOf(m.child)?.sex)})`,
        )
      : about(
          list,
          (m) => m.child,
          (m) => m.period.end,
          (m) =>
            `Period of care from ${m.period.start} ended ${m.period.end}, aged ${ageOn(born(m.child), m.period.end!)}`,
        );
  }
  if (section === 'health') {
    const list = membersUnder(members.health, figure);
    const row = (m: { row: { stored: { sdqScore: number | null } } | null }) =>
      m.row ? `SDQ score ${m.row.stored.sdqScore ?? 'none'}` : `no OC2 row for ${report.year}`;
    return about(
      list,
      (m) => m.child.child,
      (m) => m.period.start,
      (m) => `OC2 cohort: period of care from ${m.period.start}, aged ${m.ageAt31March} ${at}; ${row(m)}`,
    );
  }
  if (section === 'stability') {
    if (name === 'shortTerm')
      return about(
        membersUnder(members.shortTerm, figure),
        (m) => m.child.child,
        (m) => m.placements[0]?.start ?? null,
        (m) =>
          `Looked after ${at}: ${m.placements.length} placement(s) in the year${m.placements.length > 0 ? `, from ${m.placements.map((p) => p.start).join(', ')}` : ''}`,
      );
    return about(
      membersUnder(members.longTerm, figure),
      (m) => m.child.child,
      (m) => m.period.start,
      (m) =>
        `Looked after since ${m.period.start}; placement ${at} ${m.testedStart ? `started ${m.testedStart}` : 'none'}${m.beforeAdoption ? ' (before the adoptive placement)' : ''}`,
    );
  }
  if (section === 'placement')
    return about(
      membersUnder(members.distance, figure),
      (m) => m.child.child,
      (m) => m.episode.decom,
      (m) =>
        `${at}: HOME_POST ${m.episode.homePost ?? '(empty)'} to PL_POST ${m.episode.plPost ?? '(empty)'}, ${m.miles?.toFixed(1)} miles`,
    );
  if (section === 'missing') {
    if (figure === 'missing.children')
      return about(
        members.missingChildren,
        (m) => m.child,
        (m) => m.episodes[0]?.misStart ?? null,
        (m) => `${m.episodes.length} missing or away episode(s) starting in the year`,
      );
    return about(
      membersUnder(members.missing, figure),
      (m) => m.child,
      (m) => m.misStart,
      (m) =>
        `${m.missing === 'M' ? 'Missing' : m.missing === 'A' ? 'Away without authorisation' : 'Missing or away (not recorded which)'} from ${m.misStart}${m.stored.endDate ? ` to ${m.stored.endDate}` : ''}`,
    );
  }
  if (section === 'secure')
    return about(
      membersUnder(members.secure, figure),
      (m: { child: DescribedChild; episodes: { decom: string; place: string; ls: string }[] }) =>
        m.child.child,
      (m) => m.episodes[0]?.decom ?? null,
      (m) =>
        `Secure placement in the year: ${m.episodes.map((e) => `PLACE ${e.place}, LS ${e.ls} from ${e.decom}`).join('; ')}`,
    );
  // workforce.bySex.<sex>, workforce.byEthnicGroup.<group>: the IROs and FCROs in post at 31 March.
  return {
    entity: 'Iro',
    records: membersUnder(members.diversity, figure).map((person) => ({
      child: null,
      date: person.start,
      reference: person.iro,
      description: `${person.row.name}, ${person.role.toUpperCase()} in post ${at}: SEX ${person.sex ?? '(empty)'}, ETHNICITY ${person.ethnicity ?? '(empty)'} (${ethnicGroupOf(person.ethnicity)})`,
    })),
  };
}
