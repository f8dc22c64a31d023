import { Router } from 'express';
import { z } from 'zod';
import { CaseScript, type CaseScripts } from '../caseScripts';
import { FaultRequest, type Faults } from '../faults';
import type { Ledger } from '../ledger';
import { CatalogEntry, type Warehouse } from '../warehouse';
import { parseOr400 } from './validation';

/** The simulator's own knobs: what was received, how the autopilot plays a case, outages, stock and prices. */

export interface ControlDeps {
  ledger: Ledger;
  scripts: CaseScripts;
  faults: Faults;
  warehouse: Warehouse;
  reset: () => Promise<void>;
}

const RecordsQuery = z.object({ caseId: z.string().min(1).optional() });

export function controlRoutes(deps: ControlDeps): Router {
  const router = Router();

  router.get('/sim/records', (req, res) => {
    const query = parseOr400(RecordsQuery, req.query, res);
    if (!query) return;
    res.json(deps.ledger.list(query.caseId));
  });

  router.delete('/sim/records', async (_req, res) => {
    await deps.reset();
    res.status(204).end();
  });

  router.post('/sim/scripts', (req, res) => {
    const script = parseOr400(CaseScript, req.body, res);
    if (!script) return;
    deps.scripts.set(script);
    res.json(script);
  });

  router.post('/sim/faults', (req, res) => {
    const fault = parseOr400(FaultRequest, req.body, res);
    if (!fault) return;
    deps.faults.arm(fault);
    res.json(fault);
  });

  router.post('/sim/catalog', (req, res) => {
    const entry = parseOr400(CatalogEntry, req.body, res);
    if (!entry) return;
    res.json(deps.warehouse.seed(entry));
  });

  router.get('/sim/catalog/:sku', (req, res) => {
    res.json(deps.warehouse.describe(req.params.sku));
  });

  return router;
}
