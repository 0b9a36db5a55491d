import { ageOn, ethnicGroupOf, type PeriodBehind, sexOf } from '@footprint/domain';
import type { RecordBehindFigure } from '@footprint/graphql';
import type {
  AnnualReportFigures,
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
