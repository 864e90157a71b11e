import { FIELDS, REQUIRED } from "../../ingest/profiles/fields.js";
import type { ExportKind } from "./types.js";

const mappable = (kind: ExportKind) => Object.keys(FIELDS[kind]).filter((f) => !f.endsWith("_raw"));

/** Canonical fields a column can map to, per kind: the importer's own list (`*_raw` are derived). */
export const CANONICAL_FIELDS: Record<ExportKind, readonly string[]> = {
  tickets: mappable("tickets"),
  surveys: mappable("surveys"),
  orders: mappable("orders"),
};

/** Fields an import cannot do without; a profile missing one needs an answer. */
export const REQUIRED_FIELDS: Record<ExportKind, readonly string[]> = REQUIRED;
