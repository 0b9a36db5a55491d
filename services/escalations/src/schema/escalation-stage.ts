import { type EscalationStage as DomainStage, escalationStageWarnings } from '@footprint/domain';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { configureStages } from '../data/configure-stages.ts';
import { findStagesInForce, type StagesInForce } from '../data/find-stages.ts';
import { loaders } from '../loaders.ts';
import { parseInput } from '../validation.ts';

/** One stage of the council's dispute resolution process (statutory-rules §9). */
export const EscalationStage = builder.objectRef<DomainStage>('EscalationStage').implement({
  description: 'A stage of the council’s escalation (dispute resolution) process',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The STAGE key of escalation_events.csv' }),
    name: t.exposeString('name'),
    goesTo: t.exposeString('goesTo', { description: 'Who the escalation goes to at this stage' }),
    respondsWithinWorkingDays: t.exposeInt('responseWorkingDays', {
      description: 'The response deadline, in working days from the day the escalation reached the stage',
    }),
    formal: t.exposeBoolean('formal', {
      description: 'Whether the stage counts towards the Handbook’s 20 working days for the formal stages',
    }),
  }),
});

const EscalationStages = builder.objectRef<StagesInForce>('EscalationStages').implement({
  description: 'The council’s escalation stages in order, with what the IRO Handbook says about them',
  fields: (t) => ({
    stages: t.field({ type: [EscalationStage], resolve: (config) => config.stages }),
    isDefault: t.exposeBoolean('isDefault', {
      description: 'True while the council has not set its own stages and the defaults of the spec apply',
    }),
    formalStagesExceedTwentyWorkingDays: t.boolean({
      description: 'The formal stages together take more than the 20 working days the IRO Handbook asks for',
      resolve: (config) => escalationStageWarnings(config.stages).length > 0,
    }),
    warnings: t.stringList({ resolve: (config) => escalationStageWarnings(config.stages) }),
  }),
});

builder.queryFields((t) => ({
  escalationStages: t.field({
    type: EscalationStages,
    description: 'The council’s escalation stages, or the default stages when it has set none',
    authScopes: { anyRole: ['manager', 'iro'] },
    resolve: (_root, _args, ctx) => loaders(ctx).stages(),
  }),
}));

const EscalationStageInput = builder.inputType('EscalationStageInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Lower-case letters, digits and underscores' }),
    name: t.string({ required: true }),
    goesTo: t.string({ required: true }),
    respondsWithinWorkingDays: t.int({ required: true }),
    formal: t.boolean({
      description: 'Defaults to true: a stage is formal unless the council says otherwise',
    }),
  }),
});

const stageSetting = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]+$/, 'A stage key is lower-case letters, digits and underscores'),
  name: z.string().trim().min(1, 'Every stage needs a name'),
  goesTo: z.string().trim().min(1, 'Every stage needs to say who it goes to'),
  respondsWithinWorkingDays: z
    .number()
    .int()
    .min(1, 'respondsWithinWorkingDays must be at least 1 working day'),
  formal: z.boolean().default(true),
});

const stageSettings = z
  .array(stageSetting)
  .min(1, 'At least one stage is required')
  .superRefine((stages, issues) => {
    const seen = new Set<string>();
    for (const stage of stages) {
      if (seen.has(stage.key))
        issues.addIssue({ code: 'custom', message: `Stage key ${stage.key} is used twice` });
      seen.add(stage.key);
    }
  });

builder.mutationFields((t) => ({
  configureEscalationStages: t.field({
    type: EscalationStages,
    description:
      'Sets the council’s escalation stages, in order. Formal stages beyond 20 working days together are allowed but warned about.',
    authScopes: { anyRole: ['manager'] },
    args: { stages: t.arg({ type: [EscalationStageInput], required: true }) },
    resolve: (_root, args, ctx) => {
      const settings = parseInput(
        stageSettings,
        args.stages.map((stage) => ({ ...stage, formal: stage.formal ?? undefined })),
      );
      return ctx.inTenant(async (tx) => {
        await configureStages(tx, ctx.auth.tenant!, settings);
        const configured = await findStagesInForce(tx);
        await ctx.audit(
          tx,
          'update',
          'EscalationStages',
          settings.map((s) => s.key),
          { stages: settings, warnings: escalationStageWarnings(configured.stages) },
        );
        return configured;
      });
    },
  }),
}));
