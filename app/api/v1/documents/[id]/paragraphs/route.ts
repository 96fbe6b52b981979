// GET /api/v1/documents/{id}/paragraphs?ids=…: reads several source paragraphs with their translations.
import { readParagraphsEndpoint } from "@/lib/api/endpoints/segments";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(readParagraphsEndpoint);
