// Endpoints of the translation memory beside the editor and a document: a paragraph's matches,
// concordance, pre-translation, analysis.
import { z } from "zod";
import { contentDisposition } from "../../exchange/export";
import { analysisCsv, analysisJson } from "../../tm/analysis";
import { searchMemories, segmentMatches } from "../../tm/asker";
import { documentAnalysis, pretranslateDocument } from "../../tm/document-memory";
import { defineEndpoint, file } from "../endpoint";
import { AnalysisAnswer, ConcordanceAnswer, MatchList, PretranslateAnswer } from "../schemas/memory";
import { PretranslateRequest } from "../schemas/requests";
import { DocumentParams, SegmentParams } from "./params";

export const segmentMatchesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/segments/{segmentId}/matches",
  operationId: "segmentMatches",
  summary: "Translation memory matches for a paragraph and each of its sentences",
  description:
    "From every memory the paragraph's project reads (its working memory and the attached reference memories), " +
    "at or above the project's threshold (default 70 %), best first, at most 5 for the paragraph and 5 for each " +
    "sentence. The percentage is explained in docs/translation-memory.md: 100 only for an identical source, 101 " +
    "when the neighbouring sentences match too; a match whose only difference is numbers is offered with the " +
    "current numbers put in (`numbersReplaced`). Everyone on the project may read it.",
  tags: ["memory"],
  params: SegmentParams,
  query: z.object({ target: z.string().describe("A target language of the project") }),
  response: { schema: MatchList, description: "The matches" },
  refusals: [400, 404],
  async handler({ db, actor, params, query }) {
    return segmentMatches(db, actor, params.segmentId, { target: query.get("target") ?? "" });
  },
});

export const searchMemoriesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/memories/search",
  operationId: "searchMemories",
  summary: "Concordance: a phrase in the memories' sources or targets",
  description:
    "Searches every memory a project of yours reads (only `project`'s with it) for the phrase, anywhere in a word " +
    "and in any case, newest first, a page at a time; each hit says where the phrase is for highlighting. An empty " +
    "query or one over 500 characters is refused (400, reason query_empty / query_too_long); one under 3 " +
    "characters or of punctuation only finds nothing (`tooShort`).",
  tags: ["memory"],
  query: z.object({
    q: z.string().describe("The phrase"),
    target: z.string().describe("The target language of the units searched"),
    side: z.enum(["source", "target"]).optional().describe("Which side to search; default source"),
    project: z.string().optional().describe("Only the memories this project reads"),
    memory: z.string().optional().describe("Only this memory (404 if you may not read it)"),
    limit: z.string().optional().describe("Hits per page, 1–100; default 20"),
    offset: z.string().optional().describe("Hits to skip; default 0"),
  }),
  response: { schema: ConcordanceAnswer, description: "One page of hits" },
  refusals: [400, 404],
  async handler({ db, actor, query }) {
    return searchMemories(db, actor, {
      q: query.get("q") ?? "",
      target: query.get("target") ?? "",
      side: query.get("side") ?? undefined,
      project: query.get("project") ?? undefined,
      memory: query.get("memory") ?? undefined,
      limit: query.get("limit") ?? undefined,
      offset: query.get("offset") ?? undefined,
    });
  },
});

export const pretranslateEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/documents/{id}/pretranslate",
  operationId: "pretranslate",
  summary: "Pre-translate a document from the translation memory",
  description:
    "Fills every paragraph without text in `target` with its best match at or above the project's threshold: " +
    "from one paragraph unit, or composed of its sentences' matches. Identical-text matches of confirmed units " +
    "become translated (project setting `exactAsTranslated`, when your role may set translated), the others " +
    "drafts. Text already there is never overwritten. Everything is written in one transaction, each paragraph " +
    "as a new revision. `apply: false` answers what would be filled and writes nothing. Needs the right to edit.",
  tags: ["memory"],
  params: DocumentParams,
  body: { json: PretranslateRequest },
  response: { schema: PretranslateAnswer, description: "What was (or would be) filled" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, body }) {
    return pretranslateDocument(db, actor, params.id, body);
  },
});

export const analysisEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents/{id}/analysis",
  operationId: "documentAnalysis",
  summary: "Words and characters of a document per match band, weighted",
  description:
    "Each sentence of the document in one band: repetitions (a sentence seen earlier in the document), 101 %, " +
    "100 %, 95–99, 85–94, 75–84, 50–74, no match, against every memory the project reads; with the project's " +
    "weights per band (percent of a new word) and the weighted total. `format=csv` downloads it as CSV.",
  tags: ["memory"],
  params: DocumentParams,
  query: z.object({
    target: z.string().describe("A target language of the project"),
    format: z.enum(["json", "csv"]).optional().describe("json (default) or csv"),
  }),
  response: { schema: AnalysisAnswer, description: "The analysis" },
  files: { description: "The analysis as CSV (format=csv)", types: { "text/csv": "UTF-8, RFC 4180" } },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, query }) {
    const { document, analysis } = await documentAnalysis(db, actor, params.id, { target: query.get("target") ?? "" });
    if (query.get("format") !== "csv") return analysisJson(analysis);
    const name = `analysis-${document.title.replace(/[^\p{L}\p{N}]+/gu, "-")}-${analysis.targetLang}.csv`;
    return file(analysisCsv(analysis), {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(name),
    });
  },
});
