import { defineQuery } from '@temporalio/workflow';

/** How many partner steps a stand-in workflow took: lets a test see that a redelivered event changed nothing. */
export const appliedStepsQuery = defineQuery<number>('appliedSteps');
