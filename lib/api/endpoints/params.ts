// Path and query parameters several endpoints share.
import { z } from "zod";

export const DocumentParams = z.object({ id: z.string().describe("The document") });
export const SegmentParams = z.object({ segmentId: z.string().describe("The segment") });
export const TranslationParams = SegmentParams.extend({
  lang: z.string().describe("A target language of the segment's project"),
});
