/** Every workflow type the worker registers; the file the workflow bundle starts from. */
export { returnCase } from './returns/returnCase';
export { repairCase } from './repairs/repairCase';
export { escalation } from './escalation/escalation';
export { complaintCase } from './complaints/complaintCase';
export { suggestionCase } from './suggestions/suggestionCase';
export { inquiryCase } from './inquiries/inquiryCase';
export { installationCase } from './installations/installationCase';
export { caseFeedback } from './feedback/caseFeedback';
export { dailyQualitySample } from './quality/dailyQualitySample';
export { partnerReview } from './partners/partnerReview';
export { privacyRetention } from './retention/privacyRetention';
export { settleCaseStarts } from './caseStarts/settleCaseStarts';
