import { codeLabel } from '@footprint/domain';
import type { SignedIn } from '@footprint/identity';
import type { ChildRow } from '$lib/child-row';
import { formatDate } from '$lib/dates';
import { queryGateway } from './gateway.ts';

const childFields = /* GraphQL */ `
  fragment ChildSummary on Child {
    id
    displayName
    age
    currentEpisode { placement }
    iro { name }
    lastReview { date }
    reviewSchedule { nextDueDate overdue daysOverdue }
  }
`;

const myCaseloadQuery = /* GraphQL */ `
  query PortalMyCaseload { myCaseload { ...ChildSummary } }
  ${childFields}
`;

const childrenQuery = /* GraphQL */ `
  query PortalChildren { children { ...ChildSummary } }
  ${childFields}
`;

type ChildSummary = {
  id: string;
  displayName: string;
  age: number;
  currentEpisode: { placement: string } | null;
  iro: { name: string } | null;
  lastReview: { date: string } | null;
  reviewSchedule: { nextDueDate: string; overdue: boolean; daysOverdue: number } | null;
};

const placementWording = (code: string) => {
  const label = codeLabel('placement', code);
  return label ? `${label} (${code})` : code;
};

const toRow = (child: ChildSummary): ChildRow => ({
  id: child.id,
  name: child.displayName,
  age: child.age,
  placement: child.currentEpisode ? placementWording(child.currentEpisode.placement) : 'Not looked after now',
  iro: child.iro?.name ?? null,
  lastReview: child.lastReview ? formatDate(child.lastReview.date) : null,
  nextReviewDue: child.reviewSchedule ? formatDate(child.reviewSchedule.nextDueDate) : null,
  overdue: child.reviewSchedule?.overdue ?? false,
  daysOverdue: child.reviewSchedule?.daysOverdue ?? 0,
});

/** Soonest review first, so what is overdue or nearly due is at the top; then by name. */
function bySoonestReview(a: ChildSummary, b: ChildSummary) {
  const dueA = a.reviewSchedule?.nextDueDate ?? '9999-12-31';
  const dueB = b.reviewSchedule?.nextDueDate ?? '9999-12-31';
  return dueA === dueB ? a.displayName.localeCompare(b.displayName, 'en-GB') : dueA < dueB ? -1 : 1;
}

export async function myCaseload(session: SignedIn, requestId: string): Promise<ChildRow[]> {
  const data = await queryGateway<{ myCaseload: ChildSummary[] }>(session, myCaseloadQuery, {}, requestId);
  return data.myCaseload.toSorted(bySoonestReview).map(toRow);
}

export async function allChildren(session: SignedIn, requestId: string): Promise<ChildRow[]> {
  const data = await queryGateway<{ children: ChildSummary[] }>(session, childrenQuery, {}, requestId);
  return data.children.toSorted(bySoonestReview).map(toRow);
}
