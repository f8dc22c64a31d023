export * from './duration';
export * from './returnPolicy';
export * from './activityOptions';
export * from './repairPolicy';
export * from './slaPolicy';
export * from './complaintPolicy';
export * from './profiles';
