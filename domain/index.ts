export * from './access';
export * from './case';
export * from './caseRecord';
export * from './partners';
export * from './workQueue';
export { CaseType } from '../workflows/registry';
