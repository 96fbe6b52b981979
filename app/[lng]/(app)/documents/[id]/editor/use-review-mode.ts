"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * Review mode, remembered per person and document in this browser's local storage (a view setting:
 * no server round trip, nothing to migrate). A reviewer who may not edit starts in it.
 */
export function useReviewMode(userId: string, documentId: string, byDefault: boolean) {
  const key = `parallel.reviewMode.${userId}.${documentId}`;
  const [on, setOn] = useState(byDefault);
  useEffect(() => {
    const saved = window.localStorage.getItem(key);
    if (saved !== null) setOn(saved === "1");
  }, [key]);
  const set = useCallback(
    (next: boolean) => {
      setOn(next);
      window.localStorage.setItem(key, next ? "1" : "0");
    },
    [key],
  );
  return [on, set] as const;
}
