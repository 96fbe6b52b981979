import "server-only";
import { headers } from "next/headers";
import { stampedClientAddress } from "@/lib/server/client-address";

/**
 * The client's address as the production server resolved it from the socket and the trusted
 * proxies (lib/server/client-address.ts). Used to count failed sign-ins.
 */
export async function clientAddress(): Promise<string> {
  return stampedClientAddress(await headers());
}
