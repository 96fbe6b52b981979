import en from "../../messages/en.json";
import kk from "../../messages/kk.json";
import uk from "../../messages/uk.json";
import type { Lng } from "./settings";

export type Messages = typeof en;
export const resources: Record<Lng, Messages> = { uk, en, kk };
