import { describe, expect, it } from 'vitest';
import {
  advocacyFigures,
  childrenWithIndependentVisitorAt,
  childrenWithIndependentVisitorDuring,
  type Involvement,
} from './advocacy.ts';
import { countMidwayReviews } from './between-reviews.ts';
import { ageOn, reportingYear } from './calendar.ts';
import {
  type Allocation,
  caseloads,
  childrenWithoutIro,
  continuity,
  type Iro,
  workforceFigures,
} from './caseloads.ts';
import { type Audit, auditFigures, type ConsultationForm, consultationCounts } from './consultation.ts';
import { type DataQualityCode, dataQualityList } from './data-quality.ts';
import {
  type Escalation,
  type EscalationEvent,
  type EscalationEventKind,
  escalationFigures,
} from './escalations.ts';
import {
  type FosterHousehold,
  type FosterHouseholdType,
  fosterCarerReviewFigures,
  fosterReviewSchedule,
} from './foster-carer-reviews.ts';
import { ageBandOf, defaultLocalPolicy, policyOn, policyVersionsFromRows } from './local-policy.ts';
import { paperworkFigures } from './paperwork.ts';
import { chairedByChildCounts, participationFigures, reviewFormatCounts } from './participation.ts';
import { childrenLookedAfterFigures, isOpenAtEndOf, periodsOfCare } from './periods-of-care.ts';
import { childReviewSchedules } from './review-schedule.ts';
import {
  dateOr,
  loadDobs,
  loadEpisodes,
  loadReviews,
  readCsv,
  readExpected,
} from './testing/exampleshire.ts';
import { reviewFiguresForYear, reviewsHeldInYear } from './timeliness.ts';

// The spec's worked example: every figure the domain computes must equal the expected reports.
const episodes = loadEpisodes();
const reviews = loadReviews();
const dobs = loadDobs();
const children = [...episodes].map(([child, list]) => ({ child, ...periodsOfCare(list) }));
const schedules = children.map(({ child, periods }) => ({
  child,
  ...childReviewSchedules(periods, reviews.get(child) ?? []),
}));

const details = new Map(readCsv('review_details').map((r) => [`${r.CHILD}|${r.REVIEW}`, r]));
const allocations: Allocation[] = readCsv('allocations').map((r) => ({
  child: r.CHILD!,
  iro: r.IRO!,
  start: r.START!,
  end: dateOr(r.END),
}));
const iros: Iro[] = readCsv('iros').map((r) => ({
  iro: r.IRO!,
  role: r.ROLE as Iro['role'],
  fte: Number(r.FTE),
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
const involvements: Involvement[] = readCsv('advocacy').map((r) => ({
  id: r.INVOLVEMENT!,
  child: r.CHILD!,
  provider: r.PROVIDER!,
  referralDate: r.REFERRAL_DATE!,
  source: r.SOURCE!,
  reasons: r.REASONS!.split(';'),
  start: dateOr(r.START),
  end: dateOr(r.END),
}));
const visitors = readCsv('independent_visitors').map((r) => ({
  child: r.CHILD!,
  start: r.START!,
  end: dateOr(r.END),
}));
const households: FosterHousehold[] = readCsv('foster_households').map((r) => ({
  household: r.HOUSEHOLD!,
  type: r.TYPE as FosterHouseholdType,
  approved: r.APPROVED!,
  ended: dateOr(r.ENDED),
}));
const fosterReviews = readCsv('foster_reviews');
const fosterSchedules = households.map((h) =>
  fosterReviewSchedule(
    h,
    fosterReviews.filter((r) => r.HOUSEHOLD === h.household).map((r) => ({ date: r.DATE! })),
  ),
);
const consultations: ConsultationForm[] = readCsv('consultations').map((r) => ({
  child: r.CHILD!,
  review: r.REVIEW!,
  respondent: r.RESPONDENT as ConsultationForm['respondent'],
  received: r.RECEIVED!,
}));
const audits: Audit[] = readCsv('audits').map((r) => ({
  date: r.DATE!,
  grade: (r.GRADE || null) as Audit['grade'],
}));
const midways = readCsv('midway_reviews').map((r) => ({ child: r.CHILD!, date: r.DATE! }));
// local_policy.csv quotes its one value ("0,5,11,16"): the plain split of the helper would cut it.
const policyVersions = policyVersionsFromRows([
  { key: 'age_bands', value: '0,5,11,16', effective: '2022-04-01' },
]);

const withoutZeros = (map: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(map).filter(([, v]) => v !== 0));

describe.each([2021, 2022, 2023])('Exampleshire %i-%i', (year) => {
  const expected = readExpected(year);
  const { start, end } = reportingYear(year);
  const heldWithChild = schedules.flatMap((s) =>
    reviewsHeldInYear(s.schedules, year).map((review) => ({ child: s.child, review })),
  );
  const held = heldWithChild.map((h) => h.review);

  it('children looked after', () => {
    const f = childrenLookedAfterFigures(children, year);
    const e = expected.children;
    expect(f.lookedAfterAt31March).toBe(e.lookedAfterAt31March);
    expect(f.lookedAfterDuringYear).toBe(e.lookedAfterDuringYear);
    expect(f.shortBreaksDuringYear).toBe(e.shortBreaksDuringYear);
    expect(f.startedInYear).toBe(e.startedInYear);
    expect(f.ceasedInYear).toBe(e.ceasedInYear);
    expect(f.byLegalStatus).toEqual(withoutZeros(e.byLegalStatus));
    expect(f.byLegalStatusAtEntry).toEqual(withoutZeros(e.byLegalStatusAtEntry));
    expect(f.byPlacement).toEqual(withoutZeros(e.byPlacement));
    expect(f.byReasonCeased).toEqual(withoutZeros(e.byReasonCeased));
    const byAgeBand: Record<string, number> = {};
    const byLocalAgeBand: Record<string, number> = {};
    const localBands = policyOn(policyVersions.versions, end).ageBands;
    for (const child of f.childrenAt31March) {
      const age = ageOn(dobs.get(child)!, end);
      const band = ageBandOf(age, defaultLocalPolicy.ageBands);
      byAgeBand[band] = (byAgeBand[band] ?? 0) + 1;
      const local = ageBandOf(age, localBands);
      byLocalAgeBand[local] = (byLocalAgeBand[local] ?? 0) + 1;
    }
    expect(byAgeBand).toEqual(withoutZeros(e.byAgeBand));
    expect(byLocalAgeBand).toEqual(withoutZeros(e.byLocalAgeBand as unknown as Record<string, number>));
  });

  it('review timeliness, overdue, orphans', () => {
    const f = reviewFiguresForYear(schedules, year);
    const e = expected.reviews;
    expect({
      held: f.held,
      onTime: f.onTime,
      late: f.late,
      onTimePercent: f.onTimePercent,
      childrenAllOnTime: f.childrenAllOnTime,
      overdueAt31March: f.overdueAt31March,
      orphanReviews: f.orphanReviews,
    }).toEqual({
      held: e.held,
      onTime: e.onTime,
      late: e.late,
      onTimePercent: e.onTimePercent,
      childrenAllOnTime: e.childrenAllOnTime,
      overdueAt31March: e.overdueAt31March,
      orphanReviews: e.orphanReviews,
    });
  });

  it('participation, format, chairing and paperwork over the reviews held', () => {
    const p = participationFigures(held.map((r) => r.review));
    expect(p.counts).toEqual({ ...expected.reviews.participation });
    expect(p.rate4Plus).toBe(expected.reviews.participationRate4Plus);
    const detail = heldWithChild.map(({ child, review }) => details.get(`${child}|${review.date}`));
    expect(reviewFormatCounts(detail.map((d) => d?.FORMAT))).toEqual({
      notRecorded: 0,
      ...expected.reviews.format,
    });
    expect(chairedByChildCounts(detail.map((d) => d?.CHAIRED_BY_CHILD))).toEqual({
      chair: 0,
      co_chair: 0,
      ...expected.reviews.chairedByChild,
    });
    const paperwork = paperworkFigures(
      held.map((r, i) => ({
        date: r.date,
        paperwork: detail[i]
          ? {
              outcomesIssued: dateOr(detail[i].OUTCOMES_ISSUED),
              recordCompleted: dateOr(detail[i].RECORD_COMPLETED),
              recordDistributed: dateOr(detail[i].RECORD_DISTRIBUTED),
            }
          : null,
      })),
    );
    expect(paperwork).toEqual(expected.reviews.paperwork);
    expect(countMidwayReviews(midways, start, end)).toBe(expected.reviews.midwayReviews);
  });

  it('data quality', () => {
    const f = reviewFiguresForYear(schedules, year);
    const counts: Partial<Record<DataQualityCode, number>> = {
      orphan_review: f.orphanReviews,
      duplicate_review: f.duplicateReviews,
      short_break_reviews: f.shortBreakReviews,
      no_iro_allocated: childrenWithoutIro(
        children.map((c) => ({ ...c, allocations: allocations.filter((a) => a.child === c.child) })),
        end,
      ).length,
    };
    const p = participationFigures(held.map((r) => r.review));
    counts.pn0_after_4th_birthday = p.flags.pn0_after_4th_birthday;
    counts.pn_code_under_4 = p.flags.pn_code_under_4;
    counts.participation_not_recorded = p.flags.participation_not_recorded;
    expect(dataQualityList(counts)).toEqual(expected.dataQuality);
  });

  it('escalations', () => {
    const f = escalationFigures(escalations, (id) => events.get(id) ?? [], year);
    expect(f).toEqual({
      ...expected.escalations,
      highestStage: withoutZeros(expected.escalations.highestStage),
      resolvedAtStage: withoutZeros(expected.escalations.resolvedAtStage),
      byTheme: withoutZeros(expected.escalations.byTheme),
    });
  });

  it('advocacy and Independent Visitors', () => {
    const lookedAfter = childrenLookedAfterFigures(children, year).lookedAfterDuringYear;
    const f = advocacyFigures(involvements, year, lookedAfter);
    const e = expected.advocacy;
    expect(f).toEqual({
      involvements: e.involvements,
      children: e.children,
      childrenPercent: e.childrenPercent,
      byReason: withoutZeros(e.byReason),
      bySource: withoutZeros(e.bySource),
    });
    expect(childrenWithIndependentVisitorAt(visitors, end)).toBe(e.independentVisitorsAt31March);
    expect(childrenWithIndependentVisitorDuring(visitors, year)).toBe(e.independentVisitorsDuringYear);
  });

  it('workforce: caseloads per FTE and continuity', () => {
    const inCare = new Set(
      children.filter((c) => c.periods.some((p) => isOpenAtEndOf(p, end))).map((c) => c.child),
    );
    const loads = caseloads(allocations, (child) => inCare.has(child), end);
    const f = workforceFigures(iros, loads, end, defaultLocalPolicy.capacityBand);
    const e = expected.workforce;
    expect(f).toEqual({
      iros: e.iros,
      fte: e.fte,
      caseloadPerFte: e.caseloadPerFte,
      overCapacity: e.overCapacity,
    });
    const c = continuity(
      children.map((ch) => ({ ...ch, allocations: allocations.filter((a) => a.child === ch.child) })),
      year,
    );
    expect(c.percent).toBe(e.continuityPercent);
  });

  it('foster carer reviews', () => {
    expect(fosterCarerReviewFigures(fosterSchedules, year)).toEqual({
      ...expected.fosterCarerReviews,
      householdsAt31March: {
        mainstream: 0,
        connected_person: 0,
        ...expected.fosterCarerReviews.householdsAt31March,
      },
    });
  });

  it('consultation and audits', () => {
    expect(consultationCounts(consultations, year)).toEqual({
      child: 0,
      carer: 0,
      parent: 0,
      ...expected.consultation,
    });
    const a = auditFigures(audits, year);
    const ea = (expected as unknown as { audits: { completed: number; byGrade: Record<string, number> } })
      .audits;
    expect(a).toEqual({ completed: ea.completed, byGrade: withoutZeros(ea.byGrade) });
  });
});
