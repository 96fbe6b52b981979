// GET, PUT /api/v1/projects/{id}/qa-settings: a project's quality-check settings (replacing: owners).
import { getQaSettingsEndpoint, putQaSettingsEndpoint } from "@/lib/api/endpoints/qa";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(getQaSettingsEndpoint);
export const PUT = nextRoute(putQaSettingsEndpoint);
