import { DERIVED_FIELDS, FIELDS, REQUIRED } from "../../ingest/profiles/fields.js";
import type { ExportKind } from "./types.js";

const mappable = (kind: ExportKind) => Object.keys(FIELDS[kind]).filter((f) => !DERIVED_FIELDS.has(f));

/** Canonical fields a column can map to, per kind: the importer's own list less the derived ones. */
export const CANONICAL_FIELDS: Record<ExportKind, readonly string[]> = {
  tickets: mappable("tickets"),
  surveys: mappable("surveys"),
  orders: mappable("orders"),
};

/** Fields an import cannot do without; a profile missing one needs an answer. */
export const REQUIRED_FIELDS: Record<ExportKind, readonly string[]> = REQUIRED;
