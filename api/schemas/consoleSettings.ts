import { z } from 'zod';

export const ConsoleSettings = z
  .object({
    temporalUi: z
      .object({
        url: z.url().meta({ description: "The Temporal UI: TEMPORAL_UI_URL, or the local stack's own dev server" }),
        namespace: z.string().meta({ description: "The namespace the cases' workflows run in" }),
      })
      .nullable()
      .meta({ description: "Where a case's workflow is shown: <url>/namespaces/<namespace>/workflows/<caseId>; null when none is known" }),
    slaWarnAt: z
      .number()
      .gt(0)
      .lt(1)
      .meta({ description: 'The share of a service-level target after which a clock warns (the SLA policy new cases pin)' }),
  })
  .meta({ id: 'ConsoleSettings' });
export type ConsoleSettings = z.infer<typeof ConsoleSettings>;
