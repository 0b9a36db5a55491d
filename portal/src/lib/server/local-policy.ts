import type { Role } from '@footprint/auth';
import { type IsoDate, isIsoDate, policyVersionsFromRows } from '@footprint/domain';
import type { SignedIn } from '@footprint/identity';
import { error } from '@sveltejs/kit';
import { requireCouncilSession } from './access.ts';
import { queryGateway } from './gateway.ts';

/** Managers configure local policy, and so do council administrators (shared/spec/README.md). */
const POLICY_KEEPERS: readonly Role[] = ['manager', 'council_admin'];

export const POLICY_REFUSAL = 'Only the council’s managers and administrators can change its settings.';

/** A session of this council whose person may set its local policy; anyone else gets a 403 page. */
export function requirePolicyKeeper(locals: App.Locals, council: string): SignedIn {
  const session = requireCouncilSession(locals, council);
  if (!session.roles.some((role) => POLICY_KEEPERS.includes(role))) error(403, { message: POLICY_REFUSAL });
  return session;
}

export type AgeBandsSetting = { value: string; effective: string; inForce: boolean };
export type AgeBandsStatus = 'In force' | 'Not yet in force' | 'Replaced';
export type AgeBandsInForce = { bounds: number[]; labels: string[]; effective: string | null };

/** The bands in force today and every age_bands setting stored (imported or set here), newest first. */
export async function loadAgeBands(session: SignedIn, requestId: string) {
  const data = await queryGateway<{
    ageBandsInForce: AgeBandsInForce;
    localPolicy: (AgeBandsSetting & { key: string })[];
  }>(
    session,
    `query PortalAgeBands {
      ageBandsInForce { bounds labels effective }
      localPolicy { key value effective inForce }
    }`,
    {},
    requestId,
  );
  // Newest first: those before the one in force are still to come, those after it were replaced.
  const settings = data.localPolicy.filter((setting) => setting.key === 'age_bands');
  const current = settings.findIndex((setting) => setting.inForce);
  const statusAt = (index: number): AgeBandsStatus =>
    index === current ? 'In force' : current === -1 || index < current ? 'Not yet in force' : 'Replaced';
  return {
    inForce: data.ageBandsInForce,
    history: settings.map(({ value, effective }, index) => ({ value, effective, status: statusAt(index) })),
  };
}

/** The form checks the bands first, so the service refusing them is a fault, shown as one. */
export async function saveAgeBands(session: SignedIn, value: string, effective: IsoDate, requestId: string) {
  await queryGateway(
    session,
    `mutation PortalSetAgeBands($value: String!, $effective: Date!) {
      setLocalPolicy(key: "age_bands", value: $value, effective: $effective) { key }
    }`,
    { value, effective },
    requestId,
  );
}

export type AgeBandsForm = { bands: string; day: string; month: string; year: string };
export type AgeBandsErrors = { bands?: string; effective?: string };

// The domain's words, in the GOV.UK style of error messages.
const bandMessages: Record<string, string> = {
  'must be whole numbers separated by commas':
    'Age bands must be whole numbers separated by commas, like 0,1,5,10,16',
  'age bands start at 0': 'The first age band must start at 0',
  'age bands must be strictly ascending': 'Each lower bound must be greater than the one before it',
};

const DATE_LABEL = 'The date the bands take effect';

/** The date of a GOV.UK date input, or what is wrong with it. */
function effectiveDate(form: AgeBandsForm): { date: IsoDate } | { error: string } {
  const parts = { day: form.day.trim(), month: form.month.trim(), year: form.year.trim() };
  const missing = (Object.keys(parts) as (keyof typeof parts)[]).filter((part) => parts[part] === '');
  if (missing.length === 3) return { error: 'Enter the date the bands take effect' };
  if (missing.length) return { error: `${DATE_LABEL} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year))
    return { error: `${DATE_LABEL} must be a real date` };
  const date = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  return isIsoDate(date) ? { date } : { error: `${DATE_LABEL} must be a real date` };
}

/**
 * Checks the form as the service will: the bands by the domain's own reading of a local_policy row
 * (policyVersionsFromRows), so the page and the import can never disagree on what is valid.
 */
export function checkAgeBandsForm(
  form: AgeBandsForm,
): { value: string; effective: IsoDate } | { errors: AgeBandsErrors } {
  const errors: AgeBandsErrors = {};
  const value = form.bands.trim();
  const date = effectiveDate(form);
  if ('error' in date) errors.effective = date.error;
  if (value === '') errors.bands = 'Enter the lower bounds of the age bands';
  else {
    const { problems } = policyVersionsFromRows([
      { key: 'age_bands', value, effective: 'date' in date ? date.date : '2000-01-01' },
    ]);
    const problem = problems.find((p) => p.column === 'VALUE');
    if (problem) errors.bands = bandMessages[problem.message] ?? `Age bands: ${problem.message}`;
  }
  if (errors.bands || errors.effective || !('date' in date)) return { errors };
  return { value, effective: date.date };
}
