import { platformSession } from '$lib/server/access.ts';
import { personOf } from '$lib/server/person.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({ person: personOf(platformSession(locals)) });
