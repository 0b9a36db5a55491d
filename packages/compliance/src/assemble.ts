import type { AskGateway } from '@footprint/auth';
import {
  COMPLIANCE_CHECKS,
  type ComplianceCheck,
  type ComplianceCheckName,
  type ComplianceItem,
  type ComplianceService,
} from '@footprint/domain';
import { complianceQuery } from './query.ts';

type AnsweredItem = Omit<ComplianceItem, 'childId'> & { child: { id: string } | null };
type AnsweredCheck = { check: string; items: AnsweredItem[] };

/** What the gateway answers to `complianceQuery`. */
export type ComplianceAnswer = {
  compliance: {
    asOf: string;
    allocatedIros: { childId: string; iroId: string | null }[];
    childrenChecks: AnsweredCheck[];
    reviewsChecks: AnsweredCheck[];
    escalationsChecks: AnsweredCheck[];
    advocacyChecks: AnsweredCheck[];
    fosterCarerReviewsChecks: AnsweredCheck[];
  };
};

/** A council's compliance on one date: every service's checks, each item with the IRO it falls to. */
export type ComplianceState = {
  asOf: string;
  byService: Record<ComplianceService, ComplianceCheck[]>;
};

const FIELD_OF: Record<
  ComplianceService,
  keyof Omit<ComplianceAnswer['compliance'], 'asOf' | 'allocatedIros'>
> = {
  children: 'childrenChecks',
  reviews: 'reviewsChecks',
  escalations: 'escalationsChecks',
  advocacy: 'advocacyChecks',
  'foster-carer-reviews': 'fosterCarerReviewsChecks',
};

/**
 * The services' answers as one state: an item that names no IRO of its own falls to the child's IRO
 * allocated on the date. Nothing else changes: every figure is the services'.
 */
export function assembleCompliance(answer: ComplianceAnswer): ComplianceState {
  const { compliance } = answer;
  const iroOf = new Map(compliance.allocatedIros.map(({ childId, iroId }) => [childId, iroId]));
  const byService = Object.fromEntries(
    (Object.keys(COMPLIANCE_CHECKS) as ComplianceService[]).map((service) => [
      service,
      compliance[FIELD_OF[service]].map(({ check, items }) => ({
        check: check as ComplianceCheckName,
        items: items.map(({ child, ...item }) => ({
          childId: child?.id ?? null,
          reference: item.reference,
          what: item.what,
          dueDate: item.dueDate,
          daysOverdue: item.daysOverdue,
          iroId: item.iroId ?? (child ? (iroOf.get(child.id) ?? null) : null),
        })),
      })),
    ]),
  ) as Record<ComplianceService, ComplianceCheck[]>;
  return { asOf: compliance.asOf, byService };
}

/** The council's compliance on `asOf`, computed now by the services through the gateway. */
export async function fetchCompliance(ask: AskGateway, asOf: string): Promise<ComplianceState> {
  return assembleCompliance(await ask<ComplianceAnswer>(complianceQuery, { asOf }));
}

/**
 * The JSON `footprint compliance --format json` prints: for each check, in the order of
 * COMPLIANCE_CHECKS, its service, count and items (child, what, due date, days overdue, IRO,
 * reference), and all the counts together.
 */
export function complianceJson(tenant: string, state: ComplianceState) {
  const checks = (Object.keys(COMPLIANCE_CHECKS) as ComplianceService[]).flatMap((service) =>
    state.byService[service].map(({ check, items }) => ({
      check,
      service,
      count: items.length,
      items: items.map((item) => ({
        child: item.childId,
        what: item.what,
        dueDate: item.dueDate,
        daysOverdue: item.daysOverdue,
        iro: item.iroId,
        reference: item.reference,
      })),
    })),
  );
  return {
    tenant,
    asOf: state.asOf,
    counts: Object.fromEntries(checks.map(({ check, count }) => [check, count])),
    checks,
  };
}
