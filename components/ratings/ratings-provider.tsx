"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { RatingCatalogue } from "@/lib/ratings/types";

/** The rating scales, loaded once by the workbench layout, for every client component that shows or chooses a verdict. */
const RatingsContext = createContext<RatingCatalogue | null>(null);

export function RatingsProvider({ catalogue, children }: { catalogue: RatingCatalogue; children: ReactNode }) {
  return <RatingsContext.Provider value={catalogue}>{children}</RatingsContext.Provider>;
}

export function useRatings(): RatingCatalogue {
  const catalogue = useContext(RatingsContext);
  if (!catalogue) throw new Error("useRatings needs a RatingsProvider above it (app/(workbench)/layout.tsx).");
  return catalogue;
}
