import { freshdesk } from "./freshdesk.js";
import { genericTicketsEn, genericTicketsJa } from "./generic-tickets.js";
import { cdnow, genericOrders } from "./orders.js";
import { servicenow } from "./servicenow.js";
import { freshdeskSurvey, genericSurveys, googleForms, qualtrics, surveyMonkey } from "./surveys.js";
import type { Profile } from "./types.js";
import { zendesk } from "./zendesk.js";
import { zoho } from "./zoho.js";

/** Built-in profiles, vendors before generic ones (a tie goes to the earlier). */
export const BUILTIN_PROFILES: readonly Profile[] = [
  zendesk,
  freshdesk,
  zoho,
  servicenow,
  genericTicketsJa,
  genericTicketsEn,
  qualtrics,
  surveyMonkey,
  freshdeskSurvey,
  googleForms,
  genericSurveys,
  cdnow,
  genericOrders,
];

export { foldHeader } from "./fold.js";
export type { ColumnTarget, DurationUnit, FieldType, Profile, RecordKind } from "./types.js";
