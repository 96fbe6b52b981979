// Answers about the caller.
import { z } from "zod";
import { named } from "./registry";

export const Me = named(
  "Me",
  z.object({
    user: z.object({ id: z.string(), name: z.string(), email: z.email(), isAdmin: z.boolean() }),
    via: z.enum(["token", "session"]),
  }),
);
