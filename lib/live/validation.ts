// What a presence ping may say (PUT /api/v1/documents/{id}/presence).
import { z } from "zod";

const Id = z.string().min(1).max(64, { message: "too_long" });

export const PresenceInput = z.object({
  connection: Id.describe("The `connection` of the tab's stream (its hello event)"),
  segmentId: Id.nullable().optional().describe("The paragraph the tab is editing, if any"),
  lang: z.string().min(2).max(20).nullable().optional().describe("The translation's language there"),
});
