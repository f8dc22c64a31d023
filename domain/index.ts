export * from './case';
export * from './returnCase';
export * from './caseRecord';
