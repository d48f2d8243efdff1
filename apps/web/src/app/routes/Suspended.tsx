import { type ReactNode, Suspense } from 'react';
import { FullPageSpin } from '../../shared/components/FullPageSpin';

/** Waits for a lazily loaded page. */
export function Suspended({ children, fullPage }: { children: ReactNode; fullPage?: boolean }) {
  return <Suspense fallback={<FullPageSpin minHeight={fullPage ? '100vh' : 320} />}>{children}</Suspense>;
}
