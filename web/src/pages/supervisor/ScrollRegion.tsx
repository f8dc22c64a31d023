import type { ReactNode } from 'react';

/**
 * A wide table or diagram that scrolls sideways on a phone; focusable and named, so a keyboard
 * can scroll it too.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
