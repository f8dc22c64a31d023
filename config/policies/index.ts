export * from './duration';
export * from './returnPolicy';
export * from './activityOptions';
