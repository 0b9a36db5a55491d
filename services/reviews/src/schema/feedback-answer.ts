import { feedbackQuestions } from '@footprint/domain';
import { builder } from '../builder.ts';
import type { FeedbackRow } from '../data/find-feedback.ts';
import { feedbackAnswerIdOf } from '../keys.ts';
import { Child } from './child.ts';

const questionText = new Map(feedbackQuestions.map((question) => [question.code, question.text]));

export const FeedbackAnswer = builder.objectRef<FeedbackRow>('FeedbackAnswer');

FeedbackAnswer.implement({
  description: 'A child’s answer to one question of the council’s feedback set after a review (§12)',
  fields: (t) => ({
    id: t.id({ resolve: (row) => feedbackAnswerIdOf(row) }),
    child: t.field({ type: Child, resolve: (row) => ({ id: row.childId }) }),
    reviewDate: t.expose('reviewDate', { type: 'Date', description: 'REVIEW: the review it is about' }),
    question: t.exposeString('question', { description: 'The question’s code, e.g. listened_to' }),
    questionText: t.string({
      nullable: true,
      description: 'The question as asked, for the default questions; null for a council’s own code',
      resolve: (row) => questionText.get(row.question) ?? null,
    }),
    answer: t.exposeString('answer', { description: 'The answer’s code, e.g. yes, mostly, no' }),
  }),
});
