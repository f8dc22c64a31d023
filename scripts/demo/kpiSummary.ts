import type { z } from 'zod';
import { mintToken } from '../../api/auth/tokens';
import type { Kpi, KpiReport } from '../../api/schemas/reports';
import type { Stack } from '../stack';
import { call } from './call';

type Figure = z.infer<typeof Kpi>;

function shown(value: number | null, unit: Figure['unit']): string {
  if (value === null) return '–';
  if (unit === 'ms') return `${(value / 1000).toFixed(1)} s`;
  if (unit === 'share') return `${(value * 100).toFixed(0)} %`;
  return `${value.toFixed(0)}`;
}

/**
 * What a supervisor's GET /v1/reports/kpis says of the demo's own cases (README, "KPIs"), one
 * line per KPI against its target: the demo's clocks run in seconds, so the times are short.
 */
export async function printKpis(stack: Stack, since: Date, progress: (m: string) => void): Promise<void> {
  const token = await mintToken({ sub: 'demo-supervisor', role: 'supervisor' }, stack.tokens);
  const query = new URLSearchParams({ from: since.toISOString(), to: new Date(Date.now() + 1_000).toISOString() });
  const res = await call('GET', `${stack.apiUrl}/v1/reports/kpis?${query}`, undefined, { authorization: `Bearer ${token}` });
  if (res.status !== 200) throw new Error(`the KPI report answered ${res.status}: ${JSON.stringify(res.body)}`);
  const { kpis } = (res.body as z.infer<typeof KpiReport>).groups[0]!;
  const { slaCompliance, ...rest } = kpis;
  const rows: [string, Figure][] = [...Object.entries(rest), ...Object.entries(slaCompliance).map(([clock, k]): [string, Figure] => [`slaCompliance.${clock}`, k])];
  progress(`KPIs of these cases (GET /v1/reports/kpis?${query})`);
  for (const [name, k] of rows) {
    const verdict = k.met === null ? '' : k.met ? 'met' : 'missed';
    progress(`  ${name.padEnd(28)} ${shown(k.value, k.unit).padStart(8)}  target ${shown(k.target, k.unit).padStart(8)}  ${verdict.padEnd(6)} (n=${k.sample})`);
  }
}
