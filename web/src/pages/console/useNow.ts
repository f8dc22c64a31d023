import { useEffect, useState } from 'react';

/** The time now, renewed every second while the component is shown: countdowns tick without refetching. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
