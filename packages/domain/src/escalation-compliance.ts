import type { IsoDate } from './calendar.ts';
import {
  COMPLIANCE_CHECKS,
  type ComplianceCheck,
  type ComplianceItem,
  complianceCheck,
  daysOverdue,
} from './compliance.ts';
import {
  type Escalation,
  type EscalationEvent,
  escalationStageWarnings,
  escalationStateAt,
} from './escalations.ts';
import type { EscalationStage } from './local-policy.ts';

/*
 * The escalations service's compliance checks (issue #6, statutory-rules §9): responses past their
 * stage's deadline, and a stage configuration beyond the Handbook's 20 working days.
 */

/**
 * `escalation_response_overdue`: escalations open at the end of `asOf` that sit at a stage past its
 * response deadline, in working days from the day they reached the stage (§9, `escalationStateAt`).
 * Events after `asOf` are ignored. The item names the raising IRO, as the record does.
 */
export const escalationResponsesOverdue = (
  escalations: readonly Escalation[],
  eventsOf: (id: string) => readonly EscalationEvent[],
  stages: readonly EscalationStage[],
  asOf: IsoDate,
): ComplianceItem[] =>
  escalations.flatMap((escalation): ComplianceItem[] => {
    if (escalation.raised > asOf) return [];
    const state = escalationStateAt(eventsOf(escalation.id), asOf, stages);
    if (!state.overdue || state.responseDue === null) return [];
    const stage = stages.find((s) => s.key === state.currentStage);
    const stageLine = stage ? `${stage.name} (${stage.goesTo})` : (state.currentStage ?? '');
    return [
      {
        childId: escalation.child,
        reference: escalation.id,
        what: `${stageLine} response due ${state.responseDue}`,
        dueDate: state.responseDue,
        daysOverdue: daysOverdue(state.responseDue, asOf),
        iroId: escalation.iro ?? null,
      },
    ];
  });

/**
 * `escalation_stages_over_20_days`: one item when the council's formal stages together take more
 * than the IRO Handbook's 20 working days (§9, `escalationStageWarnings`), naming the stages.
 */
export const escalationStagesOver20Days = (stages: readonly EscalationStage[]): ComplianceItem[] =>
  escalationStageWarnings(stages).map((warning) => ({
    childId: null,
    reference: 'stages',
    what: `${warning.charAt(0).toUpperCase()}${warning.slice(1)} (${stages
      .filter((s) => s.formal)
      .map((s) => `${s.name} ${s.responseWorkingDays}`)
      .join(', ')})`,
    dueDate: null,
    daysOverdue: null,
    iroId: null,
  }));

/** Every check of the escalations service on `asOf`, in COMPLIANCE_CHECKS order. */
export const escalationComplianceChecks = ({
  escalations,
  eventsOf,
  stages,
  asOf,
}: {
  escalations: readonly Escalation[];
  eventsOf: (id: string) => readonly EscalationEvent[];
  stages: readonly EscalationStage[];
  asOf: IsoDate;
}): ComplianceCheck[] => {
  const items = {
    escalation_response_overdue: () => escalationResponsesOverdue(escalations, eventsOf, stages, asOf),
    escalation_stages_over_20_days: () => escalationStagesOver20Days(stages),
  };
  return COMPLIANCE_CHECKS.escalations.map((check) => complianceCheck(check, items[check]()));
};
