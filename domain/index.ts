export * from './case';
export * from './returnCase';
export * from './caseRecord';
export * from './repairCase';
export * from './complaintCase';
export * from './workQueue';
