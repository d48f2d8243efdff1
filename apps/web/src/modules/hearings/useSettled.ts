import { useEffect, useState } from 'react';

/** The text typed once typing has paused for `ms`: one search per pause, not per keystroke. */
export function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
