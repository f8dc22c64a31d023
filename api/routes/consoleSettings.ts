import { staff, tokenAccess } from '../auth/access';
import type { ApiDeps } from '../deps';
import { jsonResponse } from '../openapi';
import { defineRoute, type Route } from '../route';
import { ConsoleSettings } from '../schemas/consoleSettings';

/**
 * What the console needs to know of the deployment that no case carries: where the Temporal UI
 * is (to link a case to its workflow) and when a service-level clock turns to a warning.
 */
export function consoleSettingsRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/console/settings',
    operationId: 'getConsoleSettings',
    summary: "The console's settings: the Temporal UI to link workflows to, and the share of an SLA target at which a clock warns",
    tags: ['work queues'],
    access: tokenAccess(staff),
    responses: { 200: jsonResponse('The settings', ConsoleSettings) },
    problems: [],
    async handle(_input, _req, res) {
      const url = deps.config.TEMPORAL_UI_URL;
      const settings: ConsoleSettings = {
        temporalUi: url ? { url: url.replace(/\/+$/, ''), namespace: deps.config.TEMPORAL_NAMESPACE } : null,
        slaWarnAt: deps.policies.sla.warnAt,
      };
      res.json(settings);
    },
  });
}
