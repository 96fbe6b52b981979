// Every endpoint of /api/v1. The OpenAPI description is written from this list, and a test checks
// it against the route files under app/api/v1: a new endpoint is added here and in its route file.
import type { Endpoint } from "../endpoint";
import { meEndpoint } from "./account";
import {
  deleteDocumentEndpoint,
  originalFileEndpoint,
  restoreDocumentEndpoint,
  updateDocumentEndpoint,
  updateSourceEndpoint,
} from "./document-manage";
import { exportDocumentEndpoint, listDocumentsEndpoint, listSegmentsEndpoint } from "./documents";
import {
  attachGlossaryEndpoint,
  createGlossaryEntryEndpoint,
  deleteGlossaryEntryEndpoint,
  detachGlossaryEndpoint,
  documentGlossaryEndpoint,
  exportGlossaryEndpoint,
  importGlossaryEndpoint,
  listGlossaryEndpoint,
  segmentTermsEndpoint,
  updateGlossaryEntryEndpoint,
} from "./glossary";
import { importDocumentEndpoint, importPlaceEndpoint } from "./import";
import { documentEventsEndpoint, presenceEndpoint } from "./live";
import { analysisEndpoint, pretranslateEndpoint, searchMemoriesEndpoint, segmentMatchesEndpoint } from "./memory";
import {
  addNoteEndpoint,
  documentNotesEndpoint,
  inboxEndpoint,
  listSegmentNotesEndpoint,
  markReadEndpoint,
  mentionsEndpoint,
  unreadEndpoint,
  updateNoteEndpoint,
} from "./notes";
import {
  createProjectEndpoint,
  deleteProjectEndpoint,
  getProjectEndpoint,
  restoreProjectEndpoint,
  updateProjectEndpoint,
} from "./projects";
import {
  addDictionaryWordEndpoint,
  documentQaEndpoint,
  getQaSettingsEndpoint,
  putQaSettingsEndpoint,
  qaCheckEndpoint,
  qaIgnoreEndpoint,
  qaIgnoreHistoryEndpoint,
  qaUnignoreEndpoint,
} from "./qa";
import { approveAllEndpoint, decideEndpoint, qualityEndpoint, sentBackEndpoint } from "./review";
import { editSourceEndpoint, mergeSegmentEndpoint, splitSegmentEndpoint } from "./segments";
import {
  findReplaceEndpoint,
  getTranslationEndpoint,
  listRevisionsEndpoint,
  saveTranslationEndpoint,
} from "./translations";

export const endpoints: readonly Endpoint[] = [
  listDocumentsEndpoint,
  listSegmentsEndpoint,
  saveTranslationEndpoint,
  listRevisionsEndpoint,
  findReplaceEndpoint,
  meEndpoint,
  listSegmentNotesEndpoint,
  addNoteEndpoint,
  updateNoteEndpoint,
  decideEndpoint,
  qualityEndpoint,
  documentNotesEndpoint,
  approveAllEndpoint,
  mentionsEndpoint,
  importDocumentEndpoint,
  importPlaceEndpoint,
  exportDocumentEndpoint,
  listGlossaryEndpoint,
  createGlossaryEntryEndpoint,
  updateGlossaryEntryEndpoint,
  deleteGlossaryEntryEndpoint,
  importGlossaryEndpoint,
  exportGlossaryEndpoint,
  attachGlossaryEndpoint,
  detachGlossaryEndpoint,
  segmentTermsEndpoint,
  documentGlossaryEndpoint,
  inboxEndpoint,
  markReadEndpoint,
  unreadEndpoint,
  sentBackEndpoint,
  qaCheckEndpoint,
  documentQaEndpoint,
  qaIgnoreHistoryEndpoint,
  qaIgnoreEndpoint,
  qaUnignoreEndpoint,
  getQaSettingsEndpoint,
  putQaSettingsEndpoint,
  addDictionaryWordEndpoint,
  getTranslationEndpoint,
  documentEventsEndpoint,
  presenceEndpoint,
  createProjectEndpoint,
  getProjectEndpoint,
  updateProjectEndpoint,
  deleteProjectEndpoint,
  restoreProjectEndpoint,
  updateDocumentEndpoint,
  deleteDocumentEndpoint,
  restoreDocumentEndpoint,
  originalFileEndpoint,
  updateSourceEndpoint,
  editSourceEndpoint,
  splitSegmentEndpoint,
  mergeSegmentEndpoint,
  segmentMatchesEndpoint,
  searchMemoriesEndpoint,
  pretranslateEndpoint,
  analysisEndpoint,
];
