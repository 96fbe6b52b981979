import { z } from "zod";

export const segmentKinds = ["paragraph", "list_item", "heading"] as const;
export const SegmentKind = z.enum(segmentKinds);
export type SegmentKind = z.infer<typeof SegmentKind>;
