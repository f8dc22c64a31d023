import type { Pool } from 'pg';
import { drawQualitySample } from '../db/qualityDraw';
import type { QualityPort } from './types';

/** The quality port over PostgreSQL; a day is drawn once, which drawQualitySample keeps. */
export function createQualityActivities(pool: Pool): QualityPort {
  return {
    drawQualitySample: (input) => drawQualitySample(pool, { ...input, now: new Date() }),
  };
}
