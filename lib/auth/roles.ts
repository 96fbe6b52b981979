import { z } from "zod";

export const projectRoles = ["owner", "translator", "reviewer", "viewer"] as const;
export const ProjectRole = z.enum(projectRoles);
export type ProjectRole = z.infer<typeof ProjectRole>;
