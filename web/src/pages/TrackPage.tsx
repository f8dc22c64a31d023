import { useParams } from 'react-router';
import { PlaceholderPage } from './PlaceholderPage';

/** Placeholder: the customer's tracking page is built on this (issue 13). */
export function TrackPage() {
  const { caseId = '' } = useParams();
  return <PlaceholderPage section="track" values={{ caseId }} />;
}
