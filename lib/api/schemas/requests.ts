// The request bodies, named for the description. Each is the domain's own input schema, the one
// its function parses the body with, so the description cannot drift from what is accepted.

import { UpdateDocumentInput } from "../../documents/manage";
import { PresenceInput } from "../../live/validation";
import { MarkReadInput } from "../../notes/inbox";
import { NoteInput, NoteUpdate } from "../../notes/validation";
import { CreateProjectInput } from "../../projects/create-project";
import { UpdateProjectInput } from "../../projects/update-project";
import { QaSettingsInput } from "../../qa/settings";
import { QaCheckInput } from "../../qa/store/check-text";
import { IgnoreInput } from "../../qa/store/ignores";
import { DictionaryWordInput } from "../../qa/store/settings-store";
import { ApproveAllInput, DecisionInput } from "../../review/decide";
import { UnlockInput } from "../../review/unlock";
import { EditSourceInput } from "../../segments/edit-source";
import { SplitInput } from "../../segments/split";
import { AttachInput } from "../../terms/attachments";
import { EntryInput, EntryUpdate } from "../../terms/validation";
import { PretranslateInput } from "../../tm/document-memory";
import { ReplaceInput } from "../../translations/replace";
import { SaveTranslationBody } from "../../translations/validation";
import { named } from "./registry";

export const SaveTranslationRequest = named("SaveTranslationRequest", SaveTranslationBody);
export const ReplaceRequest = named("ReplaceRequest", ReplaceInput);
export const NoteRequest = named("NoteRequest", NoteInput);
export const NoteUpdateRequest = named("NoteUpdateRequest", NoteUpdate);
export const DecisionRequest = named("DecisionRequest", DecisionInput);
export const ApproveAllRequest = named("ApproveAllRequest", ApproveAllInput);

// Glossaries (issue #15)
export const GlossaryEntryRequest = named("GlossaryEntryRequest", EntryInput);
export const GlossaryEntryUpdateRequest = named("GlossaryEntryUpdateRequest", EntryUpdate);
export const AttachGlossaryRequest = named("AttachGlossaryRequest", AttachInput);
export const MarkReadRequest = named("MarkReadRequest", MarkReadInput);

// Quality checks (issue #16)
export const QaCheckRequest = named("QaCheckRequest", QaCheckInput);
export const QaIgnoreRequest = named("QaIgnoreRequest", IgnoreInput);
export const QaSettingsRequest = named("QaSettingsRequest", QaSettingsInput);
export const DictionaryWordRequest = named("DictionaryWordRequest", DictionaryWordInput);
// Live updates (issue #17)
export const PresenceRequest = named("PresenceRequest", PresenceInput);
// Projects and documents (issue #13)
export const CreateProjectRequest = named("CreateProjectRequest", CreateProjectInput);
export const UpdateProjectRequest = named("UpdateProjectRequest", UpdateProjectInput);
export const UpdateDocumentRequest = named("UpdateDocumentRequest", UpdateDocumentInput);
export const EditSourceRequest = named("EditSourceRequest", EditSourceInput);
export const SplitRequest = named("SplitRequest", SplitInput);
export const PretranslateRequest = named("PretranslateRequest", PretranslateInput);
export const UnlockRequest = named("UnlockRequest", UnlockInput);
