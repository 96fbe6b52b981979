import { createInstance, type TFunction } from "i18next";
import { missingKeyHandler } from "./missing-key";
import { resources } from "./resources";
import { fallbackLng, type Lng } from "./settings";

const instances = new Map<Lng, TFunction>();

/**
 * A t() fixed to one language. Each language has its own instance, so one request switching
 * language can never change another request's strings.
 */
export function getT(lng: Lng): TFunction {
  let t = instances.get(lng);
  if (!t) {
    const i18n = createInstance();
    i18n.init({
      lng,
      fallbackLng,
      resources: { [lng]: { translation: resources[lng] }, [fallbackLng]: { translation: resources[fallbackLng] } },
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes; user text is never HTML.
      parseMissingKeyHandler: missingKeyHandler(lng),
    });
    t = i18n.getFixedT(lng);
    instances.set(lng, t);
  }
  return t;
}
