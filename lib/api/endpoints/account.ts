// Endpoints about the caller.
import { defineEndpoint } from "../endpoint";
import { Me } from "../schemas/account";

export const meEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me",
  operationId: "me",
  summary: "Who you are",
  tags: ["account"],
  response: { schema: Me, description: "The signed-in user" },
  refusals: [],
  async handler({ actor }) {
    return {
      user: { id: actor.userId, name: actor.name, email: actor.email, isAdmin: actor.isAdmin },
      via: actor.via,
    };
  },
});
