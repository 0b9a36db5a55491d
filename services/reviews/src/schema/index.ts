import { builder } from '../builder.ts';
import './child.ts';
import './review.ts';
import './review-schedule.ts';
import './midway-review.ts';
import './recommendation.ts';
import './consultation-form.ts';
import './feedback-answer.ts';
import './audit.ts';
import './annual-report.ts';
import './compliance.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
