import { builder } from '../builder.ts';
import './iro.ts';
import './foster-household.ts';
import './foster-carer-review.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
