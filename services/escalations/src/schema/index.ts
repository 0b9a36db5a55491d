import { builder } from '../builder.ts';
import './child.ts';
import './iro.ts';
import './escalation-stage.ts';
import './escalation-theme.ts';
import './escalation-event.ts';
import './escalation.ts';
import './annual-report.ts';
import './compliance.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
